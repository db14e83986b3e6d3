using IronicCore.States;

namespace IronicCore.Drivers.Tests.Redfish;

/// <summary>
/// A redfish node made outside a scenario (serve, a library user, a fleet) meets its BMC at its
/// first request, as a real Ironic meets a reachable BMC: whatever address it names answers, with
/// the system it names; the simulation's one limit (a machine per node) is a RedfishError, never a crash.
/// </summary>
[TestFixture]
public sealed class RedfishFirstUseTests
{
    [Test]
    public void NodeAtAnAddressNeverSeen_MeetsItsBmcAtTheFirstRequest_AndIsPoweredOn()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("a", driverInfo: RedfishFixture.DriverInfo("https://bmc-17.example.test:8443"));

        var before = fixture.Redfish.Bmcs.Count;
        fixture.Conductor.SetPowerState("a", PowerState.PowerOn);
        fixture.RunFor(TimeSpan.FromMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Zero, "no BMC before the first request");
            Assert.That(fixture.Node("a").PowerState, Is.EqualTo(PowerState.PowerOn), fixture.Node("a").LastError);
            Assert.That(fixture.Redfish.Bmcs.Keys, Is.EqualTo(new[] { "https://bmc-17.example.test:8443" }));
            Assert.That(fixture.System("a").Id, Is.EqualTo("1"));
        });
    }

    [Test]
    public void TwoNodesNamingOneSystem_TheSecondGetsARedfishError_AndPowerSyncCarriesOn()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("a", driverInfo: RedfishFixture.DriverInfo("https://10.1.2.3"));
        fixture.Enroll("b", driverInfo: RedfishFixture.DriverInfo("https://10.1.2.3"));

        fixture.Conductor.SetPowerState("a", PowerState.PowerOn);
        fixture.RunFor(TimeSpan.FromMinutes(1));
        fixture.Conductor.SetPowerState("b", PowerState.PowerOn);
        fixture.RunFor(TimeSpan.FromMinutes(1));
        var refused = fixture.Node("b").LastError;
        fixture.RunFor(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(refused, Does.Contain("System 1 at the Redfish BMC https://10.1.2.3 is another node's machine in this simulation"));
            Assert.That(fixture.Node("a").PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(fixture.Node("b").Maintenance, Is.True, "power sync fails on it as on a BMC error, and Ironic puts it in maintenance");
            Assert.That(fixture.Node("b").LastError, Does.Contain("another node's machine"));
        });
    }
}
