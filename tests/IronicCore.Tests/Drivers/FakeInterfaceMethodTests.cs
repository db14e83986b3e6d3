using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Drivers;

/// <summary>
/// A step run as given calls the fake interface's method by name with Python's binding
/// (<c>method(task, **args)</c>); the scenario <c>rules/master/service-fake-raid-methods</c> pins
/// the RAID interface's answers against Ironic master.
/// </summary>
[TestFixture]
public sealed class FakeInterfaceMethodTests
{
    private static StepRequest Step(string interfaceType, string step, string args) =>
        new(interfaceType, step, JsonDocument.Parse(args).RootElement.Clone());

    [Test]
    public void TwoMissingArguments_AreNamedWithAnd_AsPythonDoes()
    {
        var method = new FakeInterfaceMethod("raid", "m", "C.m", ["a", "b"], []);

        Assert.That(method.BindingError(Step("raid", "m", "{}")), Is.EqualTo("C.m() missing 2 required positional arguments: 'a' and 'b'"));
    }

    [Test]
    public void ThreeMissingArguments_AreListedWithASerialComma_AsPythonDoes()
    {
        var method = new FakeInterfaceMethod("raid", "m", "C.m", ["a", "b", "c"], []);

        Assert.That(method.BindingError(Step("raid", "m", "{\"b\": 1}")), Is.EqualTo("C.m() missing 2 required positional arguments: 'a' and 'c'"));
        Assert.That(method.BindingError(Step("raid", "m", "{}")), Is.EqualTo("C.m() missing 3 required positional arguments: 'a', 'b', and 'c'"));
    }

    [Test]
    public void AnUnexpectedArgument_IsFoundBeforeTheMissingOnes()
    {
        var method = FakeInterfaceMethod.Find("raid", "apply_configuration")!;

        Assert.That(method.BindingError(Step("raid", "apply_configuration", "{\"nope\": 1}")),
            Is.EqualTo("RAIDInterface.apply_configuration() got an unexpected keyword argument 'nope'"));
    }

    [Test]
    public void ARaidConfigBreakingIronicsRaidSchema_FailsTheServiceStep_AndStoresNoTargetRaidConfig()
    {
        // Ironic's base RAIDInterface.apply_configuration validates before it stores (master oracle:
        // rules/master/service-fake-raid-apply-configuration).
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Master));
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn);

        var node = conductor.Provision(
            "n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [Step("raid", "apply_configuration", "{\"raid_config\": {\"logical_disks\": []}}")] });

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.ServiceFailed));
            Assert.That(node.LastError, Does.EndWith(": RAID config validation error: [] is too short"));
            Assert.That(node.TargetRaidConfig.GetRawText(), Is.EqualTo("{}"));
        });
    }
}
