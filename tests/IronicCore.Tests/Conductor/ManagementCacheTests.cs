using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>
/// Fake management's side of Ironic's boot mode, secure boot, vendor and indicator rules: it has
/// Ironic's fixed indicators, reads no boot mode, secure boot or vendor (so the caches leave the node
/// as it was), and refuses to change them with Ironic's base class's words.
/// </summary>
[TestFixture]
public sealed class ManagementCacheTests
{
    [Test]
    public void PowerSync_OfFakeHardware_CachesNoBootModeSecureBootOrVendor()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);
        conductor.Clock.Advance(TimeSpan.FromMinutes(5));

        var node = conductor.GetNode("n");
        Assert.Multiple(() =>
        {
            Assert.That((node.BootMode, node.SecureBoot), Is.EqualTo(((string?)null, (bool?)null)));
            Assert.That(node.Properties.TryGetProperty("vendor", out _), Is.False);
        });
    }

    [Test]
    public void ChangeBootMode_OnFakeManagement_LeavesTheBaseClassRefusalInLastError()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);
        conductor.SetBootMode("n", "uefi");

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetNode("n").LastError, Is.EqualTo(
                "Failed to change boot mode to 'uefi: Driver fake-hardware does not support set_boot_mode (disabled or not implemented)."));
            Assert.That(conductor.GetNode("n").BootMode, Is.Null);
        });
    }

    [Test]
    public void ChangeSecureBoot_OnFakeManagement_LeavesTheBaseClassRefusalInLastError()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);
        conductor.SetSecureBoot("n", false);

        Assert.That(conductor.GetNode("n").LastError, Is.EqualTo(
            "Failed to change secure_boot state to 'False': Driver fake-hardware does not support set_secure_boot_state (disabled or not implemented)."));
    }

    [Test]
    public void FakeIndicators_AreAReadOnlyChassisLed_ThenASettableSystemLed()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        var indicators = conductor.GetIndicators("n");

        Assert.That(indicators.Select(i => (i.Component, i.Name, i.ReadOnly, string.Join(",", i.States))), Is.EqualTo(new[]
        {
            ("chassis", "led-0", true, "off,on"),
            ("system", "led", false, "blinking,off,on"),
        }));
    }

    [TestCase("chassis", "led-0")]
    [TestCase("system", "led")]
    public void FakeIndicatorState_IsAlwaysOn(string component, string indicator)
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        Assert.That(conductor.GetIndicatorState("n", component, indicator), Is.EqualTo("on"));
    }

    [TestCase("disk", "led", "Invalid component disk specified.")]
    [TestCase("chassis", "led", "Invalid indicator led specified.")]
    public void FakeIndicatorState_OfAnIndicatorItDoesNotHave_IsInvalidParameterValue(string component, string indicator, string message)
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        var error = Assert.Throws<InvalidParameterValueException>(() => conductor.GetIndicatorState("n", component, indicator));
        Assert.That(error!.Message, Is.EqualTo(message));
    }

    [Test]
    public void FakeSetIndicatorState_IsTheBaseClassRefusal()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        var error = Assert.Throws<UnsupportedDriverExtensionException>(() => conductor.SetIndicatorState("n", "system", "led", "off"));
        Assert.That(error!.Message, Is.EqualTo("Driver fake-hardware does not support set_indicator_state (disabled or not implemented)."));
    }

    [Test]
    public void IndicatorState_OfAReservedNode_IsNodeLocked()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);
        conductor.ReserveElsewhere("n");

        Assert.Multiple(() =>
        {
            Assert.Throws<NodeLockedException>(() => conductor.GetIndicatorState("n", "system", "led"));
            Assert.That(conductor.GetIndicators("n"), Has.Count.EqualTo(2), "the list takes a shared lock");
        });
    }
}
