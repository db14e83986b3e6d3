using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Fleet.Tests;

/// <summary>The rules of the fleet model: Ironic's worker pool, concurrency limits, takeover, and the humans' queue.</summary>
[TestFixture]
public sealed class FleetModelTests
{
    [Test]
    public void Request_WhenTheConductorsWorkersAreAllBusy_IsNoFreeConductorWorker_AndChangesNothing()
    {
        var scenario = FleetFixture.Quiet(5) with
        {
            Options = new ConductorOptions { WorkersPoolSize = 4, ReservedWorkersPoolPercentage = 0, SyncPowerStateWorkers = 1, PeriodicMaxWorkers = 0 },
            WorkerDuration = TimeSpan.FromMinutes(1),
        };
        var fleet = FleetFixture.Start(scenario);
        var uuids = fleet.Api.ListNodes().Select(n => n.Uuid).ToList();
        foreach (var uuid in uuids.Take(4))
        {
            fleet.Api.SetProvisionState(uuid, ApiVerb.Manage);
        }

        var refusal = Assert.Throws<NoFreeConductorWorkerException>(() => fleet.Api.SetProvisionState(uuids[4], ApiVerb.Manage));

        Assert.Multiple(() =>
        {
            Assert.That(refusal!.HttpStatus, Is.EqualTo(503));
            Assert.That(fleet.Node(4).ProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(fleet.Result().NoFreeWorkerRefusals, Is.EqualTo(1));
        });
    }

    [Test]
    public void Request_OnceAWorkerFinishes_IsAcceptedAgain()
    {
        var scenario = FleetFixture.Quiet(5) with
        {
            Options = new ConductorOptions { WorkersPoolSize = 4, ReservedWorkersPoolPercentage = 0, SyncPowerStateWorkers = 1, PeriodicMaxWorkers = 0 },
            WorkerDuration = TimeSpan.FromMinutes(1),
        };
        var fleet = FleetFixture.Start(scenario);
        var uuids = fleet.Api.ListNodes().Select(n => n.Uuid).ToList();
        foreach (var uuid in uuids.Take(4))
        {
            fleet.Api.SetProvisionState(uuid, ApiVerb.Manage);
        }

        fleet.Advance(TimeSpan.FromMinutes(1));
        fleet.Api.SetProvisionState(uuids[4], ApiVerb.Manage);

        Assert.That(fleet.Node(4).ProvisionState, Is.EqualTo(ProvisionState.Manageable));
    }

    [Test]
    public void PowerRequest_TakesAWorkerToo_AndIsNoFreeConductorWorkerWhenAllAreBusy()
    {
        var scenario = FleetFixture.Quiet(5) with
        {
            Options = new ConductorOptions { WorkersPoolSize = 4, ReservedWorkersPoolPercentage = 0, SyncPowerStateWorkers = 1, PeriodicMaxWorkers = 0 },
            WorkerDuration = TimeSpan.FromMinutes(1),
        };
        var fleet = FleetFixture.Start(scenario);
        var uuids = fleet.Api.ListNodes().Select(n => n.Uuid).ToList();
        foreach (var uuid in uuids.Take(4))
        {
            fleet.Api.SetPowerState(uuid, PowerState.PowerOn);
        }

        Assert.Throws<NoFreeConductorWorkerException>(() => fleet.Api.SetPowerState(uuids[4], PowerState.PowerOn));
        fleet.Advance(TimeSpan.FromMinutes(1));
        fleet.Api.SetPowerState(uuids[4], PowerState.PowerOn);
        fleet.Advance(TimeSpan.FromSeconds(1));

        Assert.That(fleet.Node(4).PowerState, Is.EqualTo(PowerState.PowerOn));
    }

    [Test]
    public void Undeploy_PastMaxConcurrentClean_IsConcurrentActionLimit()
    {
        var scenario = FleetFixture.Quiet(3, utilization: 1) with { Options = new ConductorOptions { MaxConcurrentClean = 2 } };
        var fleet = FleetFixture.Start(scenario);
        var uuids = fleet.Api.ListNodes().Select(n => n.Uuid).ToList();
        fleet.Api.SetProvisionState(uuids[0], ApiVerb.Deleted);
        fleet.Api.SetProvisionState(uuids[1], ApiVerb.Deleted);

        var refusal = Assert.Throws<ConcurrentActionLimitException>(() => fleet.Api.SetProvisionState(uuids[2], ApiVerb.Deleted));

        Assert.Multiple(() =>
        {
            Assert.That(refusal!.HttpStatus, Is.EqualTo(503));
            Assert.That(fleet.Node(2).ProvisionState, Is.EqualTo(ProvisionState.Active));
        });
    }

    [Test]
    public void LeaseEnd_RefusedDeleteRetries_DoNotDrawTheFalseReportAgain()
    {
        // Node 0, frozen in clean wait by a break-fix, holds the only cleaning slot for the whole
        // run, so every other tenant's delete is refused and retried every five minutes.
        var scenario = FleetFixture.Quiet(100, utilization: 1) with
        {
            Days = 2,
            Options = new ConductorOptions { MaxConcurrentClean = 1 },
            Workload = new FleetWorkload { Utilization = 1, MeanLease = TimeSpan.FromHours(1), FalseReportProbability = 0.02 },
        };
        var fleet = FleetFixture.Start(scenario);
        fleet.Api.SetMaintenance(fleet.Node(0).Uuid, "holds the cleaning slot");
        fleet.Api.SetProvisionState(fleet.Node(0).Uuid, ApiVerb.Deleted);

        var result = fleet.Run();

        // One draw per lease end: about 2 of 99 tenants report; a draw per retry (over 500
        // retries each) would make nearly all of them report.
        Assert.Multiple(() =>
        {
            Assert.That(result.ConcurrentActionLimitRefusals, Is.GreaterThan(10_000));
            Assert.That(result.TenantVisibleFailures, Is.LessThanOrEqualTo(10));
        });
    }

    [Test]
    public void Deploy_PastMaxConcurrentDeploy_IsConcurrentActionLimit()
    {
        var scenario = FleetFixture.Quiet(2) with { Options = new ConductorOptions { MaxConcurrentDeploy = 1 } };
        var fleet = FleetFixture.Start(scenario);
        var uuids = fleet.Api.ListNodes().Select(n => n.Uuid).ToList();
        fleet.Api.SetProvisionState(uuids[0], ApiVerb.Active);

        Assert.Throws<ConcurrentActionLimitException>(() => fleet.Api.SetProvisionState(uuids[1], ApiVerb.Active));
    }

    [Test]
    public void ConductorDeath_ItsNodesAnswerMessagingTimeout_UntilTheRingDropsIt()
    {
        var scenario = FleetFixture.Quiet(1) with { Conductors = 2 };
        var fleet = FleetFixture.Start(scenario);
        var gateway = (FleetGateway)fleet.Api;
        var uuid = fleet.Node(0).Uuid;
        var owner = gateway.HostOf(uuid);

        fleet.Die(owner.Index);
        var refusal = Assert.Throws<ConductorUnreachableException>(() => fleet.Api.SetMaintenance(uuid, "x"));
        fleet.Advance(scenario.Options.HeartbeatTimeout + scenario.Options.DefaultSection.HashRingResetInterval);
        fleet.Api.SetMaintenance(uuid, "x");

        Assert.Multiple(() =>
        {
            Assert.That(refusal!.HttpStatus, Is.EqualTo(500));
            Assert.That(gateway.HostOf(uuid), Is.Not.SameAs(owner));
            Assert.That(fleet.Node(0).Maintenance, Is.True);
        });
    }

    [Test]
    public void ConductorDeath_MidCleaning_SurvivorsFailTheNodeToCleanFailed_AbortedByTakeover()
    {
        var scenario = FleetFixture.Quiet(1, utilization: 1) with { Conductors = 2, WorkerDuration = TimeSpan.FromMinutes(5) };
        var fleet = FleetFixture.Start(scenario);
        var uuid = fleet.Node(0).Uuid;
        fleet.Api.SetProvisionState(uuid, ApiVerb.Deleted);

        fleet.Die(((FleetGateway)fleet.Api).HostOf(uuid).Index);
        fleet.Advance(scenario.Options.HeartbeatTimeout + scenario.Options.CheckProvisionStateInterval);

        Assert.Multiple(() =>
        {
            Assert.That(fleet.Node(0).ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(fleet.Node(0).LastError, Is.EqualTo("Operation was aborted due to conductor take over"));
            Assert.That(fleet.Result().TakeoverAborts, Is.EqualTo(1));
        });
    }

    [Test]
    public void ConductorDeath_AfterTheWorkerFinished_LeavesTheOperationAlone()
    {
        var scenario = FleetFixture.Quiet(1, utilization: 1) with { Conductors = 2, WorkerDuration = TimeSpan.FromSeconds(10) };
        var fleet = FleetFixture.Start(scenario);
        var uuid = fleet.Node(0).Uuid;
        fleet.Api.SetProvisionState(uuid, ApiVerb.Deleted);
        fleet.Advance(TimeSpan.FromSeconds(10));

        fleet.Die(((FleetGateway)fleet.Api).HostOf(uuid).Index);
        fleet.Advance(TimeSpan.FromHours(1));

        Assert.That(fleet.Node(0).ProvisionState, Is.EqualTo(ProvisionState.Available));
    }

    [Test]
    public void Operators_WorkTicketsInTurn_OnlyInTheirShift()
    {
        // The clock starts on Thursday 1 January 2026 at midnight; one operator works 9:00 to 17:00.
        var scenario = FleetFixture.Quiet(2) with
        {
            Operators = new FleetOperators { Count = 1, ShiftStartHour = 9, ShiftEndHour = 17, TimePerTicket = TimeSpan.FromHours(1) },
        };
        var fleet = FleetFixture.Start(scenario);
        var uuids = fleet.Api.ListNodes().Select(n => n.Uuid).ToList();
        foreach (var uuid in uuids)
        {
            fleet.Api.SetMaintenance(uuid, "suspect");
            fleet.Api.OpenTicket(uuid);
        }

        fleet.Advance(new TimeSpan(9, 59, 0));
        var beforeTen = (fleet.Node(0).Maintenance, fleet.Node(1).Maintenance);
        fleet.Advance(TimeSpan.FromMinutes(2));
        var afterTen = (fleet.Node(0).Maintenance, fleet.Node(1).Maintenance);
        fleet.Advance(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(beforeTen, Is.EqualTo((true, true)));
            Assert.That(afterTen, Is.EqualTo((false, true)));
            Assert.That(fleet.Node(1).Maintenance, Is.False);
            Assert.That(fleet.Api.HasTicket(uuids[0]), Is.False);
            Assert.That(fleet.Result().HumanTickets, Is.EqualTo(2));
        });
    }

    [Test]
    public void Operators_TicketOpenedAfterTheShift_WaitsForTheNextWorkingDay()
    {
        // Friday 2 January 2026, 17:30: the next shift starts on Monday the 5th at 9:00.
        var scenario = FleetFixture.Quiet(1) with
        {
            Operators = new FleetOperators { Count = 1, TimePerTicket = TimeSpan.FromHours(1) },
        };
        var fleet = FleetFixture.Start(scenario);
        var uuid = fleet.Node(0).Uuid;
        fleet.Advance(TimeSpan.FromHours(24 + 17.5));
        fleet.Api.SetMaintenance(uuid, "suspect");
        fleet.Api.OpenTicket(uuid);

        fleet.Advance(TimeSpan.FromHours(24 + 24 + 24 + 9 - 17.5 + 0.99));
        var beforeMonday10 = fleet.Node(0).Maintenance;
        fleet.Advance(TimeSpan.FromMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That(beforeMonday10, Is.True);
            Assert.That(fleet.Node(0).Maintenance, Is.False);
        });
    }

    [Test]
    public void MaskedFault_PassesDeployAndCleaning()
    {
        var fleet = FleetFixture.Start(FleetFixture.Quiet(1));
        fleet.InjectFault(0, new HardwareFaultProfile { Kind = HardwareFaultKind.Memory }, masked: true);

        fleet.Api.SetProvisionState(fleet.Node(0).Uuid, ApiVerb.Active);
        fleet.Advance(TimeSpan.FromHours(1));
        var deployed = fleet.Node(0).ProvisionState;
        fleet.Api.SetProvisionState(fleet.Node(0).Uuid, ApiVerb.Deleted);
        fleet.Advance(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(deployed, Is.EqualTo(ProvisionState.Active));
            Assert.That(fleet.Node(0).ProvisionState, Is.EqualTo(ProvisionState.Available));
        });
    }

    [Test]
    public void FaultUnderARunningInstance_IsTenantVisible_AndTheBreakFixFreezesTheNodeInCleanWait()
    {
        var scenario = FleetFixture.Quiet(1, utilization: 1);
        var fleet = FleetFixture.Start(scenario);

        fleet.InjectFault(0, new HardwareFaultProfile { Kind = HardwareFaultKind.Disk }, masked: true);
        fleet.Advance(scenario.Workload.ReportDelay + TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(fleet.Result().TenantVisibleFailures, Is.EqualTo(1));
            Assert.That(fleet.Node(0).Maintenance, Is.True);
            Assert.That(fleet.Node(0).MaintenanceReason, Does.StartWith("user_reason"));
            Assert.That(fleet.Node(0).ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
        });
    }

    [Test]
    public void VisibleFault_FailsTheAgentsCleanStep_CleanFailedInMaintenance()
    {
        var scenario = FleetFixture.Quiet(1, utilization: 1);
        var fleet = FleetFixture.Start(scenario);
        fleet.InjectFault(0, new HardwareFaultProfile { Kind = HardwareFaultKind.Disk }, masked: false);

        fleet.Api.SetProvisionState(fleet.Node(0).Uuid, ApiVerb.Deleted);
        fleet.Advance(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(fleet.Node(0).ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(fleet.Node(0).Maintenance, Is.True);
            Assert.That(fleet.Node(0).LastError, Does.Contain("disk failure"));
        });
    }

    [Test]
    public void BmcFault_PowerSyncPutsTheNodeInMaintenance_AndItRecoversWhenTheBmcAnswers()
    {
        var scenario = FleetFixture.Quiet(1);
        var fleet = FleetFixture.Start(scenario);
        fleet.InjectFault(0, new HardwareFaultProfile { Kind = HardwareFaultKind.Bmc, TransientFraction = 1 }, masked: false);

        fleet.Advance(TimeSpan.FromHours(1));
        var broken = fleet.Node(0);
        fleet.ClearFault(0);
        fleet.Advance(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(broken.Fault, Is.EqualTo(Nodes.NodeFault.PowerFailure));
            Assert.That(fleet.Node(0).Maintenance, Is.False);
        });
    }
}
