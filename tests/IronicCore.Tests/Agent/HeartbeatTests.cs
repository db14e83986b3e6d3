using System.Collections.Immutable;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Agent;

/// <summary>Heartbeats and in-band cleaning through the ramdisk agent (behaviour spec 3.2, 4 and 5).</summary>
[TestFixture]
public sealed class HeartbeatTests
{
    private static readonly StepReference Metadata = new("deploy", "erase_devices_metadata");
    private static readonly StepReference Erase = new("deploy", "erase_devices");

    [Test]
    public void Provide_WithTheDirectDeployInterface_BootsTheAgentAndWaitsInCleanWait()
    {
        var conductor = AgentNode(out _);

        var node = conductor.Provision("n", ApiVerb.Provide);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(node.TargetProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(node.CleanStep, Is.Null, "the steps are known only once the agent reports them");
        });
    }

    [Test]
    public void Heartbeat_First_InCleanWait_FetchesTheAgentsStepsAndStartsTheHighestPriority()
    {
        var conductor = Cleaning(out _);

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(node.CleanStep, Is.EqualTo(Metadata));
        });
    }

    [Test]
    public void Heartbeat_AfterEachSucceededCommand_StartsTheNextStep_ThenTearsDownToAvailable()
    {
        var conductor = Cleaning(out _);

        var first = conductor.Beat();
        var second = conductor.Beat();
        var done = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(first.CleanStep, Is.EqualTo(Metadata));
            Assert.That(second.CleanStep, Is.EqualTo(Erase));
            Assert.That(done.ProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(done.PowerState, Is.EqualTo(PowerState.PowerOff));
            Assert.That(done.CleanStep, Is.Null);
        });
    }

    [Test]
    public void Heartbeat_WhileTheCommandRuns_ChangesNothing_ButPostponesTheTimeout()
    {
        var conductor = Cleaning(out _);
        conductor.Beat();
        conductor.SetAgentResult("n", AgentCommandStatus.Running);

        conductor.Clock.Advance(TimeSpan.FromSeconds(1500));
        var running = conductor.Beat();
        conductor.Clock.Advance(TimeSpan.FromSeconds(1500));

        Assert.Multiple(() =>
        {
            Assert.That(running.CleanStep, Is.EqualTo(Metadata));
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
        });
    }

    [Test]
    public void Heartbeat_AfterAFailedCommand_FailsCleaning_WithMaintenanceAndCleanFailure_LeavingTheNodeOn()
    {
        var conductor = Cleaning(out _);
        conductor.Beat();
        conductor.SetAgentResult("n", AgentCommandStatus.Failed, "SMART self-test failed");

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(node.Maintenance, Is.True);
            Assert.That(node.Fault, Is.EqualTo(NodeFault.CleanFailure));
            Assert.That(node.MaintenanceReason, Does.Contain("Clean step deploy.erase_devices_metadata failed").And.Contain("SMART"));
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn));
        });
    }

    [Test]
    public void Heartbeat_WithAWrongToken_IsInvalidParameterValue400_AndChangesNothing()
    {
        var conductor = Cleaning(out _);
        conductor.Lookup("n");
        var before = NodeSnapshot.Of(conductor.GetNode("n"));

        var error = Assert.Throws<InvalidParameterValueException>(() => conductor.Heartbeat("n", "http://10.0.0.1:9999", "9.4.0", "forged"));
        conductor.Clock.RunDue();

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(400));
            Assert.That(NodeSnapshot.Of(conductor.GetNode("n")), Is.EqualTo(before));
        });
    }

    [Test]
    public void Heartbeat_WithoutAVersion_IsInvalidParameterValue400()
    {
        var conductor = Cleaning(out _);
        var token = conductor.Lookup("n");

        Assert.That(() => conductor.Heartbeat("n", "http://10.0.0.1:9999", null, token), Throws.TypeOf<InvalidParameterValueException>());
    }

    [Test]
    public void Heartbeat_OverPlainHttp_IsRefusedOnMaster_WhereTlsIsRequired()
    {
        var conductor = Cleaning(out _, new ConductorOptions());
        var token = conductor.Lookup("n");

        var error = Assert.Throws<InvalidParameterValueException>(() => conductor.Heartbeat("n", "http://10.0.0.1:9999", "9.4.0", token));

        Assert.That(error.Message, Does.Contain("TLS"));
    }

    [TestCase(IronicRelease.Master, true)]
    [TestCase(IronicRelease.Release2025_1, false)]
    [TestCase(IronicRelease.Release21_4, false)]
    public void FirstHeartbeat_WhileTheNodeIsReserved_IsNodeLockedOnMaster(IronicRelease release, bool refused)
    {
        var conductor = AgentNode(out _, options: new ConductorOptions(release));
        conductor.SetProvisionState("n", ApiVerb.Provide);
        var token = conductor.Lookup("n");

        // The provide's worker has not run yet: the node is still reserved.
        TestDelegate heartbeat = () => conductor.Heartbeat("n", conductor.GetMachine("n").AgentCallbackUrl, "9.4.0", token);

        Assert.That(heartbeat, refused ? Throws.TypeOf<NodeLockedException>() : Throws.Nothing);
    }

    [Test]
    public void Lookup_OutsideTheLookupStates_IsNotFound404()
    {
        var conductor = AgentNode(out _);

        var error = Assert.Throws<NotFoundException>(() => conductor.Lookup("n"));

        Assert.That(error.HttpStatus, Is.EqualTo(404));
    }

    [Test]
    public void Lookup_HandsTheTokenOutOnce_ThenMasksIt()
    {
        var conductor = Cleaning(out _);

        var first = conductor.Lookup("n");
        var second = conductor.Lookup("n");

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Not.Empty.And.Not.EqualTo("******"));
            Assert.That(second, Is.EqualTo("******"));
        });
    }

    [Test]
    public void SeedStory_MaintenanceInCleanWait_FreezesTheNode_NoStepAdvancesAndNoTimeoutFires()
    {
        var conductor = Cleaning(out _);
        conductor.Beat();
        conductor.SetMaintenance("n", "disk smart errors");

        for (var hour = 0; hour < 5; hour++)
        {
            conductor.Clock.Advance(TimeSpan.FromHours(1));
            conductor.Beat();
        }

        var node = conductor.GetNode("n");
        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(node.CleanStep, Is.EqualTo(Metadata));
            Assert.That(node.Maintenance, Is.True);
        });
    }

    [Test]
    public void SeedStory_MaintenanceCleared_TheNextHeartbeatResumesCleaning()
    {
        var conductor = Cleaning(out _);
        conductor.Beat();
        conductor.SetMaintenance("n", "disk smart errors");
        conductor.Beat();

        conductor.ClearMaintenance("n");
        var resumed = conductor.Beat();
        var done = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(resumed.CleanStep, Is.EqualTo(Erase));
            Assert.That(done.ProvisionState, Is.EqualTo(ProvisionState.Available));
        });
    }

    [Test]
    public void SeedStory_WithAllowProvisioningInMaintenanceOff_TheNextHeartbeatFailsCleaning()
    {
        var strict = new ConductorOptions(IronicRelease.Release21_4) { AllowProvisioningInMaintenance = false };
        var conductor = Cleaning(out _, strict);
        conductor.Beat();
        conductor.SetMaintenance("n", "disk smart errors");

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(node.LastError, Is.EqualTo("Cleaning aborted as node is in maintenance mode"));
            Assert.That(node.Fault, Is.EqualTo(NodeFault.CleanFailure));
        });
    }

    [Test]
    public void SeedStory_FailCleaningPolicy_FailsOnTheNextHeartbeat_EvenWithIronicsDefaults()
    {
        var conductor = Cleaning(out _, policy: FailCleaningInMaintenancePolicy.Instance);
        conductor.Beat();
        conductor.SetMaintenance("n", "disk smart errors");

        var failed = conductor.Beat();
        var managed = conductor.Provision("n", ApiVerb.Manage);

        Assert.Multiple(() =>
        {
            Assert.That(failed.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(managed.ProvisionState, Is.EqualTo(ProvisionState.Manageable));
        });
    }

    [Test]
    public void SeedStory_TimeoutRightAfterMaintenanceIsCleared_FailsAFrozenNodeBeforeItsNextHeartbeat()
    {
        var conductor = Cleaning(out _);
        conductor.Beat();
        conductor.SetMaintenance("n", "disk smart errors");
        conductor.Clock.Advance(TimeSpan.FromHours(2));
        conductor.Beat();

        conductor.ClearMaintenance("n");
        var node = conductor.Advance("n", 60);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(node.Maintenance, Is.True, "a step was running: the error handler sets maintenance again");
            Assert.That(node.Fault, Is.EqualTo(NodeFault.CleanFailure));
            Assert.That(node.MaintenanceReason, Does.StartWith("Timeout reached while cleaning the node"));
        });
    }

    [Test]
    public void Abort_InCleanWait_OfAnAbortableStep_FailsCleaningAtOnce_AndPowersOff()
    {
        var conductor = Cleaning(out _);
        conductor.Beat();

        var node = conductor.Provision("n", ApiVerb.Abort);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOff));
            Assert.That(node.LastError, Does.StartWith("By request, the clean operation was aborted"));
        });
    }

    [Test]
    public void Abort_OfANonAbortableStep_OnlyFlagsIt_AndCleaningFailsWhenTheStepEnds()
    {
        var steps = ImmutableArray.Create(
            new StepDefinition("deploy", "update_firmware", 80, Abortable: false),
            new StepDefinition("deploy", "erase_devices", 10, Abortable: true));
        var conductor = Cleaning(out _, agentSteps: steps);
        conductor.Beat();

        var flagged = conductor.Provision("n", ApiVerb.Abort);
        var failed = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(flagged.ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(failed.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
        });
    }

    [Test]
    public void RebootRequested_RebootsIntoTheAgent_ThenTheNextHeartbeatRunsTheNextStep()
    {
        var steps = ImmutableArray.Create(
            new StepDefinition("deploy", "update_firmware", 80, RebootRequested: true),
            new StepDefinition("deploy", "erase_devices", 10, Abortable: true));
        var conductor = Cleaning(out _, agentSteps: steps);
        conductor.Beat();

        var rebooted = conductor.Beat();
        var next = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(rebooted.CleanStep, Is.EqualTo(new StepReference("deploy", "update_firmware")));
            Assert.That(next.CleanStep, Is.EqualTo(Erase));
        });
    }

    [TestCase(0, null, new[] { "erase_devices_metadata" })]
    [TestCase(null, 0, new[] { "erase_devices" })]
    [TestCase(null, 5, new[] { "erase_devices", "erase_devices_metadata" })]
    public void ErasePriorities_OverrideTheAgents_ZeroDropsTheStep(int? erase, int? metadata, string[] expected)
    {
        var options = new ConductorOptions(IronicRelease.Release21_4)
        {
            Deploy = new DeployOptions { EraseDevicesPriority = erase, EraseDevicesMetadataPriority = metadata },
        };
        var conductor = Cleaning(out _, options);

        var seen = new List<string>();
        for (var beat = 0; beat < 4 && conductor.GetNode("n").ProvisionState == ProvisionState.CleanWait; beat++)
        {
            if (conductor.Beat().CleanStep is { } step)
            {
                seen.Add(step.Step);
            }
        }

        Assert.That(seen.Distinct(), Is.EqualTo(expected));
    }

    [TestCase(ProvisionState.Manageable)]
    [TestCase(ProvisionState.Available)]
    [TestCase(ProvisionState.Active)]
    public void Heartbeat_OutsideTheLookupStates_IsRefusedAtLookup(ProvisionState state)
    {
        var conductor = AgentNode(out _, state);

        Assert.That(() => conductor.Lookup("n"), Throws.TypeOf<NotFoundException>());
    }

    private static ConductorOptions Options21_4() => new(IronicRelease.Release21_4);

    private static IronicCore.Conductor AgentNode(
        out NodeView node, ProvisionState state = ProvisionState.Manageable, ConductorOptions? options = null,
        IMaintenancePolicy? policy = null, ImmutableArray<StepDefinition>? agentSteps = null)
    {
        var conductor = ConductorFixture.Create(options ?? Options21_4(), policy);
        node = conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = state, PowerState = PowerState.PowerOff, AgentCleanSteps = agentSteps,
        });
        return conductor;
    }

    private static IronicCore.Conductor Cleaning(
        out NodeView node, ConductorOptions? options = null, IMaintenancePolicy? policy = null,
        ImmutableArray<StepDefinition>? agentSteps = null)
    {
        var conductor = AgentNode(out _, options: options, policy: policy, agentSteps: agentSteps);
        node = conductor.Provision("n", ApiVerb.Provide);
        return conductor;
    }
}
