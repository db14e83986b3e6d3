using System.Collections.Immutable;
using IronicCore.Fleet.Policies;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Tests.Conductor;

namespace IronicCore.Fleet.Tests;

/// <summary>
/// Fleets that mix hardware types (issue 23): the shares honoured node for node, the same seed the
/// same run, each type's BMC faults reaching Ironic's power sync and so the policies, and snapshots.
/// </summary>
[TestFixture]
public sealed class FleetHardwareTests
{
    internal static readonly ImmutableSortedDictionary<string, double> ThreeTypes =
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("fake-hardware", 0.4), KeyValuePair.Create("ipmi", 0.3), KeyValuePair.Create("redfish", 0.3)]);

    [Test]
    public void Mix_GivesEachTypeItsShareOfTheNodes_InterleavedAlongTheFleet()
    {
        var scenario = FleetFixture.Quiet(1000, utilization: 0.8) with { Hardware = ThreeTypes };

        var fleet = FleetFixture.Start(scenario);
        var nodes = fleet.Api.ListNodes();
        var active = nodes.Where(n => n.ProvisionState == ProvisionState.Active).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(nodes.CountBy(n => n.Driver), Is.EquivalentTo(new Dictionary<string, int> { ["fake-hardware"] = 400, ["ipmi"] = 300, ["redfish"] = 300 }));
            Assert.That(active.CountBy(n => n.Driver), Is.EquivalentTo(new Dictionary<string, int> { ["fake-hardware"] = 320, ["ipmi"] = 240, ["redfish"] = 240 }),
                "the share that starts with instances holds the mix too");
            Assert.That(nodes.Take(10).Select(n => n.Driver).Distinct().Count(), Is.EqualTo(3));
            Assert.That(nodes.Where(n => n.Driver == "ipmi").Select(n => n.ManagementInterface).Distinct(), Is.EqualTo(new[] { "ipmitool" }));
            Assert.That(nodes.Where(n => n.Driver == "redfish").Select(n => n.BootInterface).Distinct(), Is.EqualTo(new[] { "redfish-virtual-media" }));
        });
    }

    [Test]
    public void Mix_CountsByLargestRemainder_AndAddUpToTheFleet()
    {
        var scenario = FleetFixture.Quiet(7) with
        {
            Hardware = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("fake-hardware", 0.5), KeyValuePair.Create("ipmi", 0.25), KeyValuePair.Create("redfish", 0.25)]),
        };

        var drivers = scenario.NodeRequests().Select(r => r.Driver).ToList();

        Assert.That(drivers.CountBy(d => d), Is.EquivalentTo(new Dictionary<string, int> { ["fake-hardware"] = 3, ["ipmi"] = 2, ["redfish"] = 2 }));
    }

    [Test]
    public void MixedFleet_SameSeed_GivesTheSameRun()
    {
        var scenario = FleetSnapshotTests.FaultyFleet(days: 2) with { Hardware = ThreeTypes };

        var first = new FleetSimulation(scenario, new ReparoPolicy()).Run();
        var second = new FleetSimulation(scenario, new ReparoPolicy()).Run();

        Assert.Multiple(() =>
        {
            Assert.That(FleetReport.Markdown(scenario, [second]), Is.EqualTo(FleetReport.Markdown(scenario, [first])));
            Assert.That(second.Events, Is.EqualTo(first.Events));
            Assert.That(second.ByHardware, Is.EqualTo(first.ByHardware));
            Assert.That(first.ByHardware.Select(h => h.Driver), Is.EqualTo(new[] { "fake-hardware", "ipmi", "redfish" }));
            Assert.That(first.ByHardware.Sum(h => h.TenantVisibleFailures), Is.EqualTo(first.TenantVisibleFailures));
        });
    }

    [TestCase("fake-hardware", "IPMI call failed: power status.")]
    [TestCase("ipmi", "IPMI call failed: power status.")]
    [TestCase("redfish", "Unable to connect to https://10.8.0.2")]
    public void BmcFault_OfEachType_PowerSyncPutsTheNodeInMaintenance_AndHoldHandsItToAHuman(string driver, string error)
    {
        var scenario = FleetFixture.Quiet(3) with { Hardware = ThreeTypes };
        var fleet = FleetFixture.Start(scenario, new HoldPolicy());
        var index = fleet.Api.ListNodes().Select((n, i) => (n, i)).First(p => p.n.Driver == driver).i;

        fleet.InjectFault(index, new HardwareFaultProfile { Kind = HardwareFaultKind.Bmc }, masked: false);
        fleet.Advance(TimeSpan.FromHours(2));
        var broken = fleet.Node(index);

        Assert.Multiple(() =>
        {
            Assert.That(broken.Maintenance, Is.True);
            Assert.That(broken.Fault, Is.EqualTo(NodeFault.PowerFailure));
            Assert.That(broken.LastError, Does.Contain(error), broken.LastError);
            Assert.That(fleet.Api.HasTicket(broken.Uuid), Is.True);
            Assert.That(fleet.Result().ByHardware.Single(h => h.Driver == driver).HumanTickets, Is.EqualTo(1));
            Assert.That(fleet.Result().ByHardware.Where(h => h.Driver != driver).Sum(h => h.HumanTickets), Is.Zero);
        });
    }

    [TestCase("ipmi")]
    [TestCase("redfish")]
    public void BmcFault_OfEachType_Clears_AndIronicsRecoveryTakesTheNodeOutOfMaintenance(string driver)
    {
        var scenario = FleetFixture.Quiet(1) with { Driver = driver };
        var fleet = FleetFixture.Start(scenario);

        fleet.InjectFault(0, new HardwareFaultProfile { Kind = HardwareFaultKind.Bmc }, masked: false);
        fleet.Advance(TimeSpan.FromHours(1));
        var broken = fleet.Node(0);
        fleet.ClearFault(0);
        fleet.Advance(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(broken.Fault, Is.EqualTo(NodeFault.PowerFailure));
            Assert.That(fleet.Node(0).Maintenance, Is.False);
            Assert.That(fleet.Node(0).Fault, Is.Null);
        });
    }

    [TestCase("ipmi")]
    [TestCase("redfish")]
    public void NodeOfEachType_DeploysAndCleans_ThroughTheAgent(string driver)
    {
        var fleet = FleetFixture.Start(FleetFixture.Quiet(1) with { Driver = driver });
        var uuid = fleet.Node(0).Uuid;

        fleet.Api.SetProvisionState(uuid, ApiVerb.Active);
        fleet.Advance(TimeSpan.FromHours(1));
        var deployed = fleet.Node(0);
        fleet.Api.SetProvisionState(uuid, ApiVerb.Deleted);
        fleet.Advance(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(deployed.ProvisionState, Is.EqualTo(ProvisionState.Active), deployed.LastError);
            Assert.That(fleet.Node(0).ProvisionState, Is.EqualTo(ProvisionState.Available), fleet.Node(0).LastError);
        });
    }

    [Test]
    public void MixedFleet_ResumedRun_ContinuesExactlyAsTheUninterruptedRun()
    {
        var scenario = FleetSnapshotTests.FaultyFleet(days: 3) with { Hardware = ThreeTypes };
        var (whole, wholeLog, resumed, resumedLog) = FleetSnapshotTests.WholeAndResumed(scenario, "reparo", TimeSpan.FromDays(1.5));
        var wholeResult = whole.Result();
        var resumedResult = resumed.Result();

        Assert.Multiple(() =>
        {
            Assert.That(resumed.Scenario.Hardware, Is.EqualTo(scenario.Hardware));
            Assert.That(resumedLog.Records, Is.EqualTo(wholeLog.Records));
            Assert.That(resumedResult.ByHardware, Is.EqualTo(wholeResult.ByHardware));
            Assert.That(resumedResult.Events, Is.EqualTo(wholeResult.Events));
        });
    }

    [TestCase("{\"hardware\": {\"idrac\": 1}}", "hardware \"idrac\" is not simulated; the fleet simulates fake-hardware, ipmi and redfish")]
    [TestCase("{\"hardware\": {\"ipmi\": 0.5, \"redfish\": 0.4}}", "hardware: the shares must add up to 1 (got 0.9)")]
    [TestCase("{\"hardware\": {\"ipmi\": 0, \"redfish\": 1}}", "hardware ipmi: a share must be above 0 and at most 1 (got 0)")]
    [TestCase("{\"driver\": \"ipmi\", \"hardware\": {\"redfish\": 1}}", "give the nodes' hardware as driver (one type) or as hardware (shares), not both")]
    [TestCase("{\"driver\": \"idrac\"}", "driver \"idrac\" is not simulated")]
    [TestCase("{\"deploy_interface\": \"fake\", \"hardware\": {\"fake-hardware\": 0.5, \"ipmi\": 0.5}}", "deploy_interface fake is fake-hardware's; ipmi and redfish nodes deploy with direct")]
    public void BadHardware_IsAProblem_NamingIt(string json, string problem) =>
        Assert.That(FleetScenario.Parse(json).Problems(), Has.Some.Contains(problem));

    [Test]
    public void Hardware_ReadBack_FromTheFile()
    {
        var scenario = new FleetScenario { Nodes = 100, Hardware = ThreeTypes };

        var again = FleetScenario.Parse(scenario.ToJson().ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(again.Hardware, Is.EqualTo(ThreeTypes));
            Assert.That(again.ToJson().ToJsonString(), Is.EqualTo(scenario.ToJson().ToJsonString()));
            Assert.That(again.Problems(), Is.Empty);
        });
    }
}
