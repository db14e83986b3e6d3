using IronicCore.Drivers.Pxe;
using IronicCore.Drivers.Redfish;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Redfish;

/// <summary>
/// Ironic's redfish management beyond the boot device: the boot mode and secure boot
/// (<c>change_node_boot_mode</c>, <c>change_node_secure_boot</c> and their workers), the vendor and
/// boot mode caches (<c>node_cache_vendor</c>, <c>node_cache_boot_mode</c>) and the indicators.
/// </summary>
[TestFixture]
public sealed class RedfishManagementTests
{
    private static readonly TimeSpan PowerSync = TimeSpan.FromSeconds(121);

    [TestCase(IronicRelease.Release21_4)]
    [TestCase(IronicRelease.Release2025_1)]
    [TestCase(IronicRelease.Master)]
    public void PowerSync_CachesTheBootModeSecureBootAndVendor(IronicRelease release)
    {
        var fixture = RedfishFixture.ForRelease(release);
        fixture.Enroll("n");
        Assert.That((fixture.Node("n").BootMode, fixture.Node("n").SecureBoot), Is.EqualTo(((string?)null, (bool?)null)), "nothing is read before the first sync");

        fixture.RunFor(PowerSync);

        var node = fixture.Node("n");
        Assert.Multiple(() =>
        {
            Assert.That(node.BootMode, Is.EqualTo("uefi"));
            Assert.That(node.SecureBoot, Is.False);
            Assert.That(node.Properties.GetProperty("vendor").GetString(), Is.EqualTo("Contoso"));
            Assert.That(node.LastError, Is.Null);
        });
    }

    [Test]
    public void PowerSync_FollowsTheBmc_WhenTheBootModeChangesBehindIronic()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n");
        fixture.RunFor(PowerSync);
        fixture.System("n").BootSourceOverrideMode = RedfishBootSourceOverrideMode.Legacy;
        fixture.System("n").SecureBootEnable = true;
        fixture.RunFor(PowerSync);

        Assert.That((fixture.Node("n").BootMode, fixture.Node("n").SecureBoot), Is.EqualTo(((string?)"bios", (bool?)true)));
    }

    [Test]
    public void PowerSync_WithAnUnreachableBmc_KeepsWhatWasCached()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n");
        fixture.RunFor(PowerSync);
        fixture.System("n").BootSourceOverrideMode = RedfishBootSourceOverrideMode.Legacy;
        fixture.System("n").Machine.Reachable = false;
        fixture.RunFor(PowerSync);

        Assert.That(fixture.Node("n").BootMode, Is.EqualTo("uefi"));
    }

    [Test]
    public void VendorAlreadyKnown_IsNeverReadAgain()
    {
        var fixture = new RedfishFixture();
        var node = fixture.Enroll("n");
        fixture.Conductor.UpdateNode("n", NodeUpdate.From(node) with { Properties = System.Text.Json.JsonDocument.Parse("""{"vendor": "supermicro"}""").RootElement });
        fixture.RunFor(PowerSync);

        Assert.That(fixture.Node("n").Properties.GetProperty("vendor").GetString(), Is.EqualTo("supermicro"));
    }

    [TestCase(IronicRelease.Release21_4)]
    [TestCase(IronicRelease.Master)]
    public void Verification_CachesTheBootModeAndVendor(IronicRelease release)
    {
        var fixture = RedfishFixture.ForRelease(release);
        fixture.Enroll("n", ProvisionState.Enroll);
        fixture.Conductor.SetProvisionState("n", ApiVerb.Manage);
        fixture.RunFor(TimeSpan.FromSeconds(1));

        var node = fixture.Node("n");
        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(node.BootMode, Is.EqualTo("uefi"));
            Assert.That(node.Properties.GetProperty("vendor").GetString(), Is.EqualTo("Contoso"));
        });
    }

    [Test]
    public void ChangeBootMode_SetsTheSystemsMode_AndTheNodesBootMode()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n");
        fixture.Conductor.SetBootMode("n", "bios");

        Assert.Multiple(() =>
        {
            Assert.That(fixture.System("n").BootSourceOverrideMode, Is.EqualTo(RedfishBootSourceOverrideMode.Legacy));
            Assert.That(fixture.Node("n").BootMode, Is.EqualTo("bios"));
            Assert.That(fixture.Node("n").LastError, Is.Null);
        });
    }

    [Test]
    public void ChangeBootMode_ToTheModeTheBmcReports_ChangesNothing()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n");
        fixture.Conductor.SetBootMode("n", "uefi");

        Assert.That(fixture.Node("n").BootMode, Is.Null, "the worker returns before storing anything when the modes are identical");
    }

    [Test]
    public void ChangeBootMode_UnreachableBmc_LeavesTheConnectionErrorInLastError()
    {
        var fixture = new RedfishFixture();
        var uuid = fixture.Enroll("n").Uuid;
        fixture.System("n").Machine.Reachable = false;
        fixture.Conductor.SetBootMode("n", "bios");

        var node = fixture.Node("n");
        Assert.Multiple(() =>
        {
            Assert.That(node.LastError, Does.StartWith($"Failed to change boot mode to 'bios: Redfish connection failed for node {uuid}: Unable to connect to https://10.9.0.1/redfish/v1/"));
            Assert.That(node.BootMode, Is.Null);
            Assert.That(fixture.System("n").BootSourceOverrideMode, Is.EqualTo(RedfishBootSourceOverrideMode.Uefi));
        });
    }

    [Test]
    public void ChangeBootMode_RejectedCredentials_LeaveTheBmcsRefusalInLastError()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n");
        fixture.System("n").CredentialsRejected = true;
        fixture.Conductor.SetBootMode("n", "bios");

        Assert.That(fixture.Node("n").LastError, Does.StartWith("Failed to change boot mode to 'bios: Redfish exception occurred. Error: HTTP GET https://10.9.0.1/redfish/v1/Systems/1 returned code 401."));
    }

    [Test]
    public void ChangeSecureBoot_On_EnablesSecureBoot()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n");
        fixture.Conductor.SetSecureBoot("n", true);

        Assert.Multiple(() =>
        {
            Assert.That(fixture.System("n").SecureBootEnable, Is.True);
            Assert.That(fixture.Node("n").SecureBoot, Is.True);
            Assert.That(fixture.Node("n").LastError, Is.Null);
        });
    }

    [Test]
    public void ChangeSecureBoot_InLegacyBoot_FailsWithConfiguringSecureBootRequiresUefi()
    {
        var fixture = new RedfishFixture();
        var uuid = fixture.Enroll("n").Uuid;
        fixture.Conductor.SetBootMode("n", "bios");
        fixture.Conductor.SetSecureBoot("n", true);

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").LastError, Is.EqualTo(
                $"Failed to change secure_boot state to 'True': Redfish exception occurred. Error: Configuring secure boot requires UEFI for node {uuid}"));
            Assert.That(fixture.System("n").SecureBootEnable, Is.False);
            Assert.That(fixture.Node("n").SecureBoot, Is.Null);
        });
    }

    [Test]
    public void ChangeBootMode_OfAReservedNode_IsRefusedWithNodeLocked()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n");
        fixture.Conductor.SetProvisionState("n", ApiVerb.Inspect);

        Assert.Throws<ConflictException>(() => fixture.Conductor.SetBootMode("n", "bios"));
    }

    [Test]
    public void Indicators_AreTheSystemsLed_NamedByTheSystemsUuid()
    {
        var fixture = new RedfishFixture();
        var uuid = fixture.Enroll("n").Uuid;

        var indicators = fixture.Conductor.GetIndicators("n");

        Assert.That(indicators, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That((indicators[0].Component, indicators[0].Name, indicators[0].ReadOnly), Is.EqualTo(("system", uuid, false)));
            Assert.That(indicators[0].States, Is.EqualTo(new[] { "blinking", "off", "on" }));
            Assert.That(fixture.Conductor.GetIndicatorState("n", "system", uuid), Is.EqualTo("off"));
        });
    }

    [TestCase("on", "Lit")]
    [TestCase("blinking", "Blinking")]
    [TestCase("off", "Off")]
    [TestCase("unknown", "Unknown")]
    public void SetIndicatorState_PatchesTheSystemsIndicatorLed(string state, string led)
    {
        var fixture = new RedfishFixture();
        var uuid = fixture.Enroll("n").Uuid;
        fixture.Conductor.SetIndicatorState("n", "system", uuid, state);

        Assert.Multiple(() =>
        {
            Assert.That(fixture.System("n").IndicatorLed, Is.EqualTo(led));
            Assert.That(fixture.Conductor.GetIndicatorState("n", "system", uuid), Is.EqualTo(state));
        });
    }

    [TestCase("chassis")]
    [TestCase("disk")]
    [TestCase("system")]
    public void AnIndicatorTheSystemDoesNotHave_IsAMissingParameterValue(string component)
    {
        var fixture = new RedfishFixture();
        var uuid = fixture.Enroll("n").Uuid;

        var error = Assert.Throws<MissingParameterValueException>(() => fixture.Conductor.SetIndicatorState("n", component, "led", "on"));
        Assert.That(error!.Message, Is.EqualTo($"Unknown indicator led for component {component} of node {uuid}"));
        Assert.Throws<MissingParameterValueException>(() => fixture.Conductor.GetIndicatorState("n", component, "led"));
    }

    [Test]
    public void SetIndicatorState_ToAStateIronicDoesNotKnow_IsRefusedAndChangesNothing()
    {
        var fixture = new RedfishFixture();
        var uuid = fixture.Enroll("n").Uuid;

        Assert.Throws<InvalidParameterValueException>(() => fixture.Conductor.SetIndicatorState("n", "system", uuid, "lit"));
        Assert.That(fixture.System("n").IndicatorLed, Is.EqualTo("Off"));
    }

    [Test]
    public void Indicators_OfAnUnreachableBmc_FailWithTheConnectionError()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n");
        fixture.System("n").Machine.Reachable = false;

        Assert.Throws<RedfishConnectionErrorException>(() => fixture.Conductor.GetIndicators("n"));
    }

    [Test]
    public void Snapshot_KeepsTheCachedBootModeAndSecureBoot()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n");
        fixture.Conductor.SetBootMode("n", "bios");
        fixture.Conductor.SetSecureBoot("n", false);
        fixture.Enroll("m");
        fixture.Conductor.SetSecureBoot("m", true);

        using var stream = new MemoryStream();
        fixture.Conductor.Save(stream);
        stream.Position = 0;
        var loaded = IronicCore.Conductor.Load(stream, drivers: [PxeDriverPackage.Instance, RedfishDriverPackage.Instance]);

        Assert.Multiple(() =>
        {
            Assert.That((loaded.GetNode("n").BootMode, loaded.GetNode("n").SecureBoot), Is.EqualTo(((string?)"bios", (bool?)null)));
            Assert.That((loaded.GetNode("m").BootMode, loaded.GetNode("m").SecureBoot), Is.EqualTo(((string?)null, (bool?)true)));
        });
    }
}
