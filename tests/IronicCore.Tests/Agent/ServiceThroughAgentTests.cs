using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Agent;

/// <summary>Servicing on Ironic master (behaviour spec 5.9): the operator's steps on an active node, through the agent when a step needs it.</summary>
[TestFixture]
public sealed class ServiceThroughAgentTests
{
    private static readonly StepRequest BurnInCpu = new("deploy", "burnin_cpu");

    [Test]
    public void Service_WithAStepOnlyTheAgentKnows_BootsTheAgent_AndWaitsInServiceWait()
    {
        var conductor = Active();

        var node = conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [BurnInCpu] });

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.ServiceWait));
            Assert.That(node.TargetProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(node.ServiceStep, Is.Null);
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn));
        });
    }

    [Test]
    public void FirstHeartbeat_InServiceWait_SendsTheFirstStepToTheAgent()
    {
        var conductor = Active();
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [BurnInCpu] });

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.ServiceWait));
            Assert.That(node.ServiceStep, Is.EqualTo(new StepReference("deploy", "burnin_cpu")));
            Assert.That(node.CleanStep, Is.Null);
        });
    }

    [Test]
    public void LastStepSucceeded_TearsDownIntoTheInstance_BackToActive()
    {
        var conductor = Active();
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [BurnInCpu] });
        conductor.Beat();

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(node.TargetProvisionState, Is.Null);
            Assert.That(node.ServiceStep, Is.Null);
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(node.LastError, Is.Null);
            Assert.That(conductor.GetAgentToken("n"), Is.Null);
        });
    }

    [Test]
    public void StepFailedInTheAgent_IsServiceFailed_ThroughTheDeployingErrorHandler_WithoutMaintenance()
    {
        var conductor = Active();
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [BurnInCpu] });
        conductor.Beat();
        conductor.SetAgentResult("n", AgentCommandStatus.Failed, "CPU stress test failed");

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            // The oracle (master): _step_failure_handler gives a failed service step to
            // deploying_error_handler, which neither sets maintenance nor clears service_step.
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.ServiceFailed));
            Assert.That(node.Maintenance, Is.False);
            Assert.That(node.Fault, Is.Null);
            Assert.That(node.ServiceStep?.Step, Is.EqualTo("burnin_cpu"));
            Assert.That(node.LastError, Does.Contain("Service step deploy.burnin_cpu failed").And.Contain("CPU stress test failed"));
            Assert.That(node.MaintenanceReason, Is.Null);
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn), "a step failure leaves the machine on for inspection");
        });
    }

    [Test]
    public void UnknownStep_FailsAtTheAgentsFirstHeartbeat_WithoutMaintenance()
    {
        var conductor = Active();
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [new StepRequest("deploy", "no_such_step")] });

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.ServiceFailed));
            Assert.That(node.Maintenance, Is.False);
            Assert.That(node.Fault, Is.Null);
            Assert.That(node.LastError, Does.StartWith("Node failed to start the first service step: node does not support this service step"));
        });
    }

    [Test]
    public void HeartbeatInServiceWait_InMaintenance_IsRecordedOnly_WhenProvisioningInMaintenanceIsAllowed()
    {
        var conductor = Active();
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [BurnInCpu] });
        conductor.SetMaintenance("n", "looking");

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.ServiceWait));
            Assert.That(node.ServiceStep, Is.Null);
        });
    }

    [Test]
    public void HeartbeatInServiceWait_InMaintenance_FailsServicing_WhenProvisioningInMaintenanceIsNotAllowed()
    {
        var conductor = Active(new ConductorOptions { AllowProvisioningInMaintenance = false });
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [BurnInCpu] });
        conductor.SetMaintenance("n", "looking");

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.ServiceFailed));
            Assert.That(node.LastError, Is.EqualTo("Service aborted as node is in maintenance mode"));
            Assert.That(node.MaintenanceReason, Is.EqualTo("looking"));
        });
    }

    [Test]
    public void ServiceWaitTimeout_FailsServicing_NamingTheStep_AndSetsMaintenance()
    {
        var conductor = Active();
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [BurnInCpu] });
        conductor.Beat();

        var node = conductor.Advance("n", 1900 + 60);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.ServiceFailed));
            Assert.That(node.Fault, Is.EqualTo(NodeFault.ServiceFailure));
            Assert.That(node.LastError, Does.StartWith(
                "Timeout reached while servicing the node. Please check if the ramdisk responsible for the servicing is running on the node. " +
                "Failed on step {'interface': 'deploy', 'step': 'burnin_cpu'"));
        });
    }

    [Test]
    public void PrepareInbandService_OnFakePowerEchoingTheRecord_SkipsThePowerOn_SoTheFirstHeartbeatFindsNoAgent()
    {
        var conductor = Active(trackedMachine: false);
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [BurnInCpu] });

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.ServiceFailed));
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(node.LastError, Does.StartWith("Node failed to start the first service step: Connection to agent failed: ")
                .And.Contains("for invoking command service.get_service_steps"));
        });
    }

    [Test]
    public void FakePowerEcho_LeavesTheMachineOff_AndReadingTheMachineChangesNothing()
    {
        var conductor = Active(trackedMachine: false);
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [BurnInCpu] });

        var machine = conductor.GetMachine("n");

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetNode("n").PowerState, Is.EqualTo(PowerState.PowerOn), "the record");
            Assert.That(machine.PowerState, Is.EqualTo(PowerState.PowerOff), "the machine, after the skipped power-on");
            Assert.That(conductor.Beat().ProvisionState, Is.EqualTo(ProvisionState.ServiceFailed), "no agent after a read");
        });
    }

    [Test]
    public void ABmcChange_MakesTheMachineTakeTheRecordedState_SoTheAgentAnswers()
    {
        var conductor = Active(trackedMachine: false);
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [BurnInCpu] });

        conductor.GetMachine("n").Reachable = true;
        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetMachine("n").PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.ServiceWait));
            Assert.That(node.ServiceStep, Is.EqualTo(new StepReference("deploy", "burnin_cpu")));
        });
    }

    [Test]
    public void FirstHeartbeat_ChecksTheRequestAgainstTheAgentsServiceSteps_NotItsCleanSteps()
    {
        var conductor = Active();
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [new StepRequest("deploy", "erase_devices")] });

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.ServiceFailed));
            Assert.That(node.LastError, Is.EqualTo(
                "Node failed to start the first service step: node does not support this service step: {'interface': 'deploy', 'step': 'erase_devices'}"));
        });
    }

    // Master's do_node_service_abort powers the machine off and on itself, straight through the
    // power interface, only when driver_internal_info.agent_start_attempted is set (prepare_agent_boot
    // sets it; a power-off or reboot and the step flows' wipes clear it). Which path ran shows in the
    // history when the BMC does not answer: only node_power_action, the tear-down's own power-off,
    // records a failed power action (oracle: master seeds 0059 and 0989).
    [Test]
    public void AbortOfAServiceTheRamdiskWasPreparedFor_PowersOffDirectly_RecordingNoPowerActionFailure()
    {
        var conductor = Active();
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [new StepRequest("deploy", "burnin_cpu")] });
        conductor.Beat();
        conductor.GetMachine("n").Reachable = false;

        var node = conductor.Provision("n", ApiVerb.Abort);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(conductor.GetNodeHistory("n").Select(e => (e.EventType, e.Event)), Is.EqualTo(new[]
            {
                ("servicing_start", "Starting servicing with steps=[{'interface': 'deploy', 'step': 'burnin_cpu'}]"),
                ("servicing", "Failed to tear down service after aborting the operation"),
            }));
        });
    }

    [Test]
    public void AbortOfANodeCreatedInServiceHold_GoesStraightToTheTearDown_WhosePowerActionFailureIsRecorded()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions());
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.ServiceHold, PowerState = PowerState.PowerOn,
        });
        conductor.GetMachine("n").SetPowerState(PowerState.PowerOn);
        conductor.GetMachine("n").Reachable = false;

        var node = conductor.Provision("n", ApiVerb.Abort);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(conductor.GetNodeHistory("n").Select(e => e.EventType), Is.EqualTo(new[] { "UNKNOWN", "servicing" }));
        });
    }

    [Test]
    public void APowerOff_ForgetsTheAgentStartAttempt()
    {
        var conductor = Active();
        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [new StepRequest("deploy", "burnin_cpu")] });
        var attempted = conductor.NodeAt(0)!.AgentStartAttempted;

        conductor.Power("n", PowerState.PowerOff);

        Assert.Multiple(() =>
        {
            Assert.That(attempted, Is.True);
            Assert.That(conductor.NodeAt(0)!.AgentStartAttempted, Is.False);
        });
    }

    /// <summary>
    /// An active fake-hardware node with the direct deploy. Its machine keeps a power state of its
    /// own (as after a scenario's <c>bmc</c> op), so fake power drives it and the agent comes up;
    /// otherwise fake power only echoes the node's record.
    /// </summary>
    private static IronicCore.Conductor Active(ConductorOptions? options = null, bool trackedMachine = true)
    {
        var conductor = ConductorFixture.Create(options ?? new ConductorOptions());
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.Active, PowerState = PowerState.PowerOn,
        });
        if (trackedMachine)
        {
            conductor.GetMachine("n").SetPowerState(PowerState.PowerOn);
        }

        return conductor;
    }
}
