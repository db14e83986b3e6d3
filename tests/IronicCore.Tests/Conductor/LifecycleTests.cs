using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

[TestFixture]
public sealed class LifecycleTests
{
    [Test]
    public void FakeHardware_GoesEnrollToManageableToAvailableToActiveAndBack()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n");

        Assert.Multiple(() =>
        {
            Assert.That(conductor.Provision("n", ApiVerb.Manage).ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(conductor.Provision("n", ApiVerb.Provide).ProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(conductor.Provision("n", ApiVerb.Active).ProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(conductor.Provision("n", ApiVerb.Deleted).ProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(conductor.Provision("n", ApiVerb.Deploy).ProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(conductor.Provision("n", ApiVerb.Undeploy).ProvisionState, Is.EqualTo(ProvisionState.Available));
        });
    }

    [Test]
    public void AcceptedRequest_StoresTheFirstStateChange_AndHoldsTheLockUntilItsWorkerRuns()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        conductor.SetProvisionState("n", ApiVerb.Provide);
        var accepted = conductor.GetNode("n");
        conductor.Clock.RunDue();
        var settled = conductor.GetNode("n");

        Assert.Multiple(() =>
        {
            Assert.That(accepted.ProvisionState, Is.EqualTo(ProvisionState.Cleaning));
            Assert.That(accepted.TargetProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(accepted.Reservation, Is.EqualTo(IronicCore.Conductor.DefaultHost));
            Assert.That(settled.ProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(settled.TargetProvisionState, Is.Null);
            Assert.That(settled.Reservation, Is.Null);
        });
    }

    [Test]
    public void Manage_FromEnroll_RecordsThePowerStateTheBmcReports()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", power: null);
        conductor.GetMachine("n").SetPowerState(PowerState.PowerOn);

        var node = conductor.Provision("n", ApiVerb.Manage);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn));
        });
    }

    [Test]
    public void Manage_FromEnroll_WithAnUnreachableBmc_FallsBackToEnrollWithLastError()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n");
        conductor.GetMachine("n").Reachable = false;

        var node = conductor.Provision("n", ApiVerb.Manage);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Enroll));
            Assert.That(node.LastError, Does.Contain("Failed to get power state"));
        });
    }

    [TestCase(null, true, ProvisionState.CleanFailed)]
    [TestCase(null, false, ProvisionState.Available)]
    [TestCase(false, true, ProvisionState.Available)]
    [TestCase(true, false, ProvisionState.CleanFailed)]
    public void AutomatedClean_FollowsTheNodeFieldThenTheOption(bool? nodeSetting, bool option, ProvisionState expected)
    {
        // In maintenance with allow_provisioning_in_maintenance off, cleaning that runs fails at
        // once, while skipped cleaning goes straight to available: the two are told apart.
        var conductor = ConductorFixture.Create(new ConductorOptions { AutomatedClean = option, AllowProvisioningInMaintenance = false });
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", ProvisionState = ProvisionState.Active, PowerState = PowerState.PowerOn, AutomatedClean = nodeSetting, Maintenance = true,
        });

        var node = conductor.Provision("n", ApiVerb.Deleted);

        Assert.That(node.ProvisionState, Is.EqualTo(expected));
    }

    [Test]
    public void ManualClean_WithAFakeBiosStep_EndsManageable()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        var node = conductor.Provision("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [new("bios", "factory_reset")] });

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(node.TargetProvisionState, Is.Null);
            Assert.That(node.LastError, Is.Null);
        });
    }

    [Test]
    public void ManualClean_WithAStepTheDriverLacks_FailsAfterThe202_WithoutMaintenance()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        var node = conductor.Provision("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [new("deploy", "erase_devices")] });

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(node.TargetProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(node.Maintenance, Is.False);
            Assert.That(node.LastError, Does.Contain("node does not support this clean step"));
        });
    }

    [TestCase(IronicRelease.Master, ProvisionState.Manageable)]
    [TestCase(IronicRelease.Release21_4, ProvisionState.CleanFailed)]
    public void ManualClean_ReservedStepName_IsDroppedOnMaster_AndUnknownOn21_4(IronicRelease release, ProvisionState expected)
    {
        // Behaviour spec 5.3: master skips the driver lookup for hold/wait/power steps and leaves
        // them out of the stored list; 21.4 has no reserved names.
        var conductor = ConductorFixture.Create(new ConductorOptions(release));
        conductor.Enroll("n", ProvisionState.Manageable);

        var node = conductor.Provision("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [new("deploy", "hold")] });

        Assert.That(node.ProvisionState, Is.EqualTo(expected));
    }

    [Test]
    public void ManualClean_MissingARequiredArgument_ReportsIt()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        var node = conductor.Provision("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [new("bios", "apply_configuration")] });

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(node.LastError, Does.Contain("missing these required arguments: settings"));
        });
    }

    [Test]
    public void Inspect_Adopt_Rescue_Unrescue_Rebuild_CompleteAtOnceWithFakeInterfaces()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        Assert.Multiple(() =>
        {
            Assert.That(conductor.Provision("n", ApiVerb.Inspect).ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(conductor.Provision("n", ApiVerb.Adopt).ProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(
                conductor.Provision("n", ApiVerb.Rescue, new ProvisionRequest { RescuePassword = "secret" }).ProvisionState,
                Is.EqualTo(ProvisionState.Rescue));
            Assert.That(conductor.Provision("n", ApiVerb.Unrescue).ProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(conductor.Provision("n", ApiVerb.Rebuild).ProvisionState, Is.EqualTo(ProvisionState.Active));
        });
    }

    [Test]
    public void Transitions_ArePublishedInOrder_WithVirtualTime()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n");
        var log = new TransitionLog();
        var subscription = conductor.Subscribe(log);

        conductor.Clock.Advance(TimeSpan.FromSeconds(30));
        conductor.Provision("n", ApiVerb.Manage);
        subscription.Dispose();
        conductor.Provision("n", ApiVerb.Provide);

        Assert.Multiple(() =>
        {
            Assert.That(log.Records.Select(r => (r.From, r.Event, r.To)), Is.EqualTo(new[]
            {
                (ProvisionState.Enroll, ProvisionEvent.Manage, ProvisionState.Verifying),
                (ProvisionState.Verifying, ProvisionEvent.Done, ProvisionState.Manageable),
            }));
            Assert.That(log.Records.Select(r => r.At), Is.All.EqualTo(IronicCore.Simulation.SimulationClock.DefaultStart.AddSeconds(30)));
            Assert.That(log.Records.Select(r => r.NodeUuid), Is.All.EqualTo(conductor.GetNode("n").Uuid));
        });
    }

    [Test]
    public void SameSeedAndRequests_GiveTheSameNodesAndTransitions()
    {
        static string Run()
        {
            var conductor = ConductorFixture.Create();
            var log = new TransitionLog();
            using var subscription = conductor.Subscribe(log);
            for (var i = 0; i < 5; i++)
            {
                conductor.Enroll($"n{i}");
                conductor.Provision($"n{i}", ApiVerb.Manage);
                conductor.Provision($"n{i}", ApiVerb.Provide);
            }

            conductor.Clock.Advance(TimeSpan.FromHours(1));
            return string.Join("\n", log.Records) + string.Join("\n", conductor.Nodes.Select(n => n.Uuid));
        }

        var first = Run();
        var second = Run();

        Assert.That(second, Is.EqualTo(first));
    }
}
