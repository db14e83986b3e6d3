using IronicCore.Fleet.Policies;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Tests.Conductor;

namespace IronicCore.Fleet.Tests;

/// <summary>
/// The Redfish BMCs' own faults in a fleet (issue 23): each kind reaches Ironic as its BMC's
/// answer would (401 on every request, 500 on Reset or InsertMedia), with Ironic's consequences;
/// they strike redfish nodes only, from a random stream of their own; snapshots keep them.
/// </summary>
[TestFixture]
public sealed class FleetRedfishFaultTests
{
    private static HardwareFaultProfile Profile(HardwareFaultKind kind) => HardwareFaultProfile.RedfishBmcDefaults.Single(f => f.Kind == kind);

    [Test]
    public void CredentialsRejected_PowerSyncFails_AndPutsTheNodeInMaintenanceWithPowerFailure()
    {
        var fleet = FleetFixture.Start(FleetFixture.Quiet(1) with { Driver = "redfish" });

        fleet.InjectFault(0, Profile(HardwareFaultKind.CredentialsRejected), masked: false);
        fleet.Advance(TimeSpan.FromHours(1));
        var broken = fleet.Node(0);

        Assert.Multiple(() =>
        {
            Assert.That(broken.Maintenance, Is.True);
            Assert.That(broken.Fault, Is.EqualTo(NodeFault.PowerFailure));
            Assert.That(broken.MaintenanceReason, Does.StartWith("During sync_power_state, max retries exceeded for node"), broken.MaintenanceReason);
            Assert.That(broken.LastError, Does.Contain("401"), broken.LastError);
        });
    }

    [Test]
    public void CredentialsRejected_Cleared_IronicsRecoveryTakesTheNodeOutOfMaintenance()
    {
        var fleet = FleetFixture.Start(FleetFixture.Quiet(1) with { Driver = "redfish" });

        fleet.InjectFault(0, Profile(HardwareFaultKind.CredentialsRejected), masked: false);
        fleet.Advance(TimeSpan.FromHours(1));
        fleet.ClearFault(0);
        fleet.Advance(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(fleet.Node(0).Maintenance, Is.False);
            Assert.That(fleet.Node(0).Fault, Is.Null);
        });
    }

    // As the oracle's redfish-faults scenario shows: a failed reboot's deploy failure ends with the
    // error handler's power off, which finds the node off and clears last_error; a failed insert's
    // keeps "Virtual media mount failed".
    [TestCase(HardwareFaultKind.ResetFails, null)]
    [TestCase(HardwareFaultKind.InsertMediaFails, "Failed to prepare to deploy: Virtual media mount failed for node")]
    public void PowerOrVirtualMediaActionFails_TheDeployFails_AndTheFigureCountsIt(HardwareFaultKind kind, string? error)
    {
        var scenario = FleetFixture.Quiet(1) with { Driver = "redfish", Faults = [Profile(kind) with { RatePerNodeYear = 0.01 }] };
        var fleet = FleetFixture.Start(scenario);
        var uuid = fleet.Node(0).Uuid;

        fleet.InjectFault(0, scenario.Faults[0], masked: false);
        fleet.Api.SetProvisionState(uuid, ApiVerb.Active);
        fleet.Advance(TimeSpan.FromMinutes(1));
        var failed = fleet.Node(0);
        var figures = fleet.Result().ByFault.Single(f => f.Kind == kind);

        Assert.Multiple(() =>
        {
            Assert.That(failed.ProvisionState, Is.EqualTo(ProvisionState.DeployFailed));
            Assert.That(failed.Maintenance, Is.False, "a failed deployment is not maintenance");
            Assert.That(failed.LastError, error is null ? Is.Null : Does.StartWith(error), failed.LastError);
            Assert.That(figures.Faults, Is.EqualTo(1));
            Assert.That(figures.DeployFailures, Is.EqualTo(1));
        });
    }

    [TestCase(HardwareFaultKind.ResetFails, "Redfish exception occurred. Error: Reboot failed for node")]
    [TestCase(HardwareFaultKind.InsertMediaFails, "Virtual media mount failed for node")]
    public void PowerOrVirtualMediaActionFails_CleaningFailsInItsPreparation_WithoutMaintenance(HardwareFaultKind kind, string error)
    {
        var scenario = FleetFixture.Quiet(1) with { Driver = "redfish", Faults = [Profile(kind) with { RatePerNodeYear = 0.01 }] };
        var fleet = FleetFixture.Start(scenario);
        var uuid = fleet.Node(0).Uuid;
        fleet.Api.SetProvisionState(uuid, ApiVerb.Manage);
        fleet.Advance(TimeSpan.FromMinutes(5));

        fleet.InjectFault(0, scenario.Faults[0], masked: false);
        fleet.Api.SetProvisionState(uuid, ApiVerb.Provide);
        fleet.Advance(TimeSpan.FromMinutes(1));
        var failed = fleet.Node(0);

        Assert.Multiple(() =>
        {
            Assert.That(failed.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed), failed.LastError);
            Assert.That(failed.LastError, Does.StartWith($"Failed to prepare node {uuid} for cleaning: {error}"), failed.LastError);
            Assert.That(failed.Maintenance, Is.False, "no clean step had started, so Ironic's cleaning error handler leaves maintenance off");
            Assert.That(fleet.Result().ByFault.Single(f => f.Kind == kind).CleanFailures, Is.EqualTo(1));
        });
    }

    [TestCase(HardwareFaultKind.ResetFails)]
    [TestCase(HardwareFaultKind.InsertMediaFails)]
    public void ActionFault_Cleared_TheNodeDeploys(HardwareFaultKind kind)
    {
        var fleet = FleetFixture.Start(FleetFixture.Quiet(1) with { Driver = "redfish" });
        var uuid = fleet.Node(0).Uuid;

        fleet.InjectFault(0, Profile(kind), masked: false);
        fleet.ClearFault(0);
        fleet.Api.SetProvisionState(uuid, ApiVerb.Active);
        fleet.Advance(TimeSpan.FromHours(1));

        Assert.That(fleet.Node(0).ProvisionState, Is.EqualTo(ProvisionState.Active), fleet.Node(0).LastError);
    }

    [Test]
    public void RedfishBmcFault_UnderARunningInstance_IsNotSeenByTheTenant()
    {
        var fleet = FleetFixture.Start(FleetFixture.Quiet(1, utilization: 1) with { Driver = "redfish" });

        fleet.InjectFault(0, Profile(HardwareFaultKind.ResetFails), masked: false);
        fleet.Advance(TimeSpan.FromHours(3));

        Assert.Multiple(() =>
        {
            Assert.That(fleet.Node(0).ProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(fleet.Result().TenantVisibleFailures, Is.Zero);
        });
    }

    [Test]
    public void RedfishBmcFaultKinds_OnANodeOfAnotherType_AreRefused()
    {
        var fleet = FleetFixture.Start(FleetFixture.Quiet(1) with { Driver = "ipmi" });

        Assert.That(() => fleet.InjectFault(0, Profile(HardwareFaultKind.ResetFails), masked: false),
            Throws.InvalidOperationException.With.Message.Contains("only a redfish node's BMC"));
    }

    [Test]
    public void RedfishBmcFaults_StrikeRedfishNodesOnly_AtTheirRate_AndTheSameSeedGivesTheSameRun()
    {
        var scenario = FleetFixture.Quiet(300) with { Hardware = FleetHardwareTests.ThreeTypes, Days = 10 };
        scenario = scenario.WithFaultRate(HardwareFaultKind.CredentialsRejected, 20)
            .WithFaultRate(HardwareFaultKind.ResetFails, 20)
            .WithFaultRate(HardwareFaultKind.InsertMediaFails, 20);

        var first = new FleetSimulation(scenario, new HoldPolicy()).Run();
        var second = new FleetSimulation(scenario, new HoldPolicy()).Run();

        Assert.Multiple(() =>
        {
            Assert.That(second.ByFault, Is.EqualTo(first.ByFault));
            Assert.That(second.Events, Is.EqualTo(first.Events));
            Assert.That(first.ByFault.Select(f => (f.Driver, f.Kind)), Is.EqualTo(new[]
            {
                ("redfish", HardwareFaultKind.CredentialsRejected), ("redfish", HardwareFaultKind.ResetFails), ("redfish", HardwareFaultKind.InsertMediaFails),
            }));

            // 90 redfish nodes, 20 faults each a year of each kind, 10 days: about 49 each; a node
            // already broken takes none, so somewhat fewer strike.
            Assert.That(first.ByFault.Select(f => f.Faults), Has.All.InRange(25, 60));
            Assert.That(first.ByFault.Single(f => f.Kind == HardwareFaultKind.CredentialsRejected).MaintenanceHourlyMean, Is.GreaterThan(0));
        });
    }

    [Test]
    public void RedfishBmcFaultRates_DoNotMoveTheOtherFaultsOrTheTenants()
    {
        var plain = FleetSnapshotTests.FaultyFleet(days: 2) with { Hardware = FleetHardwareTests.ThreeTypes };
        var zero = plain.WithFaultRate(HardwareFaultKind.ResetFails, 0);

        var without = new FleetSimulation(plain, new HoldPolicy()).Run();
        var withZero = new FleetSimulation(zero, new HoldPolicy()).Run();

        Assert.Multiple(() =>
        {
            Assert.That(FleetReport.Markdown(zero, [withZero]), Is.EqualTo(FleetReport.Markdown(plain, [without])));
            Assert.That(withZero.ByFault, Is.Empty, "no figures by fault kind without a Redfish BMC's fault at a rate");
        });
    }

    [Test]
    public void ResumedRun_KeepsTheBmcsFaults_AndContinuesExactlyAsTheUninterruptedRun()
    {
        var scenario = FleetSnapshotTests.FaultyFleet(days: 3) with { Hardware = FleetHardwareTests.ThreeTypes };
        scenario = scenario.WithFaultRate(HardwareFaultKind.CredentialsRejected, 10)
            .WithFaultRate(HardwareFaultKind.ResetFails, 10)
            .WithFaultRate(HardwareFaultKind.InsertMediaFails, 10);
        var (whole, wholeLog, resumed, resumedLog) = FleetSnapshotTests.WholeAndResumed(scenario, "reparo", TimeSpan.FromDays(1.5));
        var wholeResult = whole.Result();
        var resumedResult = resumed.Result();

        Assert.Multiple(() =>
        {
            Assert.That(resumed.Scenario.Faults, Is.EqualTo(scenario.Faults));
            Assert.That(resumedLog.Records, Is.EqualTo(wholeLog.Records));
            Assert.That(resumedResult.ByFault, Is.EqualTo(wholeResult.ByFault));
            Assert.That(resumedResult.Events, Is.EqualTo(wholeResult.Events));
            Assert.That(wholeResult.ByFault.Sum(f => f.Faults), Is.GreaterThan(0));
        });
    }

    [Test]
    public void SavedRightAfterTheFault_TheResumedBmcStillRejectsCredentials()
    {
        var scenario = FleetFixture.Quiet(1) with { Driver = "redfish", Faults = [Profile(HardwareFaultKind.CredentialsRejected) with { RatePerNodeYear = 0.01 }] };
        var fleet = FleetFixture.Start(scenario, new HoldPolicy());
        fleet.InjectFault(0, scenario.Faults[0], masked: false);

        using var saved = new MemoryStream();
        fleet.Save(saved);
        saved.Position = 0;
        var resumed = FleetSimulation.Load(saved, FleetSnapshotTests.PolicyNamed);
        resumed.Advance(TimeSpan.FromHours(1));

        Assert.That(resumed.Node(0).Fault, Is.EqualTo(NodeFault.PowerFailure));
    }

    [TestCase("{\"driver\": \"ipmi\", \"faults\": [{\"kind\": \"reset_fails\", \"rate_per_node_year\": 0.1}]}", "fault reset_fails: a Redfish BMC's fault strikes redfish nodes, and the fleet has none")]
    [TestCase("{\"driver\": \"redfish\", \"faults\": [{\"kind\": \"credentials_rejected\", \"rate_per_node_year\": 0.1, \"masked_fraction\": 0.5}]}", "fault credentials_rejected: masked_fraction must be 0")]
    public void BadRedfishBmcFault_IsAProblem_NamingIt(string json, string problem) =>
        Assert.That(FleetScenario.Parse(json).Problems(), Has.Some.Contains(problem));

    [Test]
    public void RedfishBmcFaultKinds_ReadBackFromTheFile()
    {
        var scenario = new FleetScenario { Driver = "redfish" }.WithFaultRate(HardwareFaultKind.InsertMediaFails, 0.05);

        var json = scenario.ToJson().ToJsonString();
        var again = FleetScenario.Parse(json);

        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Contain("\"kind\":\"insert_media_fails\""));
            Assert.That(again.Faults, Is.EqualTo(scenario.Faults));
            Assert.That(again.Problems(), Is.Empty);
        });
    }

    [Test]
    public void WithFaultRate_ChangesTheScenariosProfileOfTheKind_OrAddsTheKindsDefault()
    {
        var scenario = new FleetScenario { Driver = "redfish" };

        var changed = scenario.WithFaultRate(HardwareFaultKind.Disk, 1);
        var added = scenario.WithFaultRate(HardwareFaultKind.ResetFails, 0.5);

        Assert.Multiple(() =>
        {
            Assert.That(changed.Faults, Is.EqualTo(HardwareFaultProfile.Defaults.SetItem(0, HardwareFaultProfile.Defaults[0] with { RatePerNodeYear = 1 })));
            Assert.That(added.Faults, Is.EqualTo(HardwareFaultProfile.Defaults.Add(Profile(HardwareFaultKind.ResetFails) with { RatePerNodeYear = 0.5 })));
        });
    }
}
