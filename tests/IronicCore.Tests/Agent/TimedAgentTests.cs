using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Agent;

/// <summary>Agents that boot, heartbeat and finish their steps on their own, on the clock (fleet runs).</summary>
[TestFixture]
public sealed class TimedAgentTests
{
    [Test]
    public void AgentsOnTheirOwn_CleanEveryNodeToAvailable_WithNoScriptedHeartbeat()
    {
        var conductor = Fleet(new AgentBehaviour(), 10);

        conductor.Clock.Advance(TimeSpan.FromHours(2));

        Assert.That(conductor.Nodes.Select(n => n.ProvisionState), Is.All.EqualTo(ProvisionState.Available));
    }

    [Test]
    public void AgentsOnTheirOwn_WaitInCleanWaitWhileTheEraseRuns()
    {
        var conductor = Fleet(new AgentBehaviour(), 5);

        conductor.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Multiple(() =>
        {
            Assert.That(conductor.Nodes.Select(n => n.ProvisionState), Is.All.EqualTo(ProvisionState.CleanWait));
            Assert.That(conductor.Nodes.Select(n => n.CleanStep?.Step), Is.All.EqualTo("erase_devices"));
        });
    }

    [Test]
    public void StepFailures_EndInCleanFailed_WithMaintenanceAndCleanFailure()
    {
        var conductor = Fleet(new AgentBehaviour { StepFailsProbability = 1 }, 3);

        conductor.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(conductor.Nodes.Select(n => n.ProvisionState), Is.All.EqualTo(ProvisionState.CleanFailed));
            Assert.That(conductor.Nodes.Select(n => n.Fault), Is.All.EqualTo(NodeFault.CleanFailure));
        });
    }

    [Test]
    public void AnAgentThatNeverBoots_IsFailedByTheCleanCallbackTimeout_AndPoweredOff()
    {
        var conductor = Fleet(new AgentBehaviour { NeverBootsProbability = 1 }, 2);

        conductor.Clock.Advance(TimeSpan.FromMinutes(29));
        var waiting = conductor.Nodes;
        conductor.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That(waiting.Select(n => n.ProvisionState), Is.All.EqualTo(ProvisionState.CleanWait));
            Assert.That(conductor.Nodes.Select(n => n.ProvisionState), Is.All.EqualTo(ProvisionState.CleanFailed));
            Assert.That(conductor.Nodes.Select(n => n.Maintenance), Is.All.False, "no step ran");
            Assert.That(conductor.Nodes.Select(n => n.PowerState), Is.All.EqualTo(PowerState.PowerOff));
        });
    }

    [Test]
    public void AHungStep_EndsWithTheCallbackTimeout_InMaintenance()
    {
        var conductor = Fleet(new AgentBehaviour { StepHangsProbability = 1 }, 2);

        conductor.Clock.Advance(TimeSpan.FromHours(3));

        Assert.Multiple(() =>
        {
            Assert.That(conductor.Nodes.Select(n => n.ProvisionState), Is.All.EqualTo(ProvisionState.CleanWait),
                "a hung command keeps running, and the agent's heartbeats keep refreshing the callback clock");
            Assert.That(conductor.Nodes.Select(n => n.CleanStep?.Step), Is.All.EqualTo("erase_devices_metadata"));
        });
    }

    [Test]
    public void AnAgentThatDiesMidStep_StopsHeartbeating_AndTheTimeoutFailsTheNodeInMaintenance()
    {
        var conductor = Fleet(new AgentBehaviour { DiesMidStepProbability = 1 }, 2);

        conductor.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(conductor.Nodes.Select(n => n.ProvisionState), Is.All.EqualTo(ProvisionState.CleanFailed));
            Assert.That(conductor.Nodes.Select(n => n.Fault), Is.All.EqualTo(NodeFault.CleanFailure));
        });
    }

    [Test]
    public void MaintenanceDuringAgentCleaning_FreezesTheNode_UntilCleared()
    {
        var conductor = Fleet(new AgentBehaviour(), 1);
        conductor.Clock.Advance(TimeSpan.FromMinutes(3));
        conductor.SetMaintenance("n0", "disk smart errors");

        conductor.Clock.Advance(TimeSpan.FromHours(6));
        var frozen = conductor.GetNode("n0");
        conductor.ClearMaintenance("n0");
        conductor.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Multiple(() =>
        {
            Assert.That(frozen.ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(conductor.GetNode("n0").ProvisionState, Is.Not.EqualTo(ProvisionState.CleanWait));
        });
    }

    [Test]
    public void DelayedHeartbeats_SlowCleaningDown_ButItStillFinishes()
    {
        static (TimeSpan Took, bool AllAvailable) Cleaning(AgentBehaviour behaviour)
        {
            var conductor = Fleet(behaviour, 4);
            var start = conductor.Clock.GetUtcNow();
            conductor.Clock.Advance(TimeSpan.FromHours(4));
            return (conductor.Nodes.Max(n => n.ProvisionUpdatedAt) - start,
                conductor.Nodes.All(n => n.ProvisionState == ProvisionState.Available));
        }

        var onTime = Cleaning(new AgentBehaviour());
        var late = Cleaning(new AgentBehaviour { HeartbeatDelayProbability = 1, HeartbeatDelay = TimeSpan.FromMinutes(10) });

        Assert.Multiple(() =>
        {
            Assert.That(late.Took, Is.GreaterThan(onTime.Took));
            Assert.That(late.AllAvailable && onTime.AllAvailable, Is.True);
        });
    }

    [Test]
    public void SameSeed_SameFleetRun()
    {
        static string Run()
        {
            var conductor = Fleet(new AgentBehaviour { StepFailsProbability = 0.3, HeartbeatLossProbability = 0.2 }, 20);
            conductor.Clock.Advance(TimeSpan.FromHours(3));
            return string.Join(",", conductor.Nodes.Select(n => $"{n.ProvisionState}/{n.Fault}/{n.ProvisionUpdatedAt:O}"));
        }

        var first = Run();
        var second = Run();

        Assert.That(second, Is.EqualTo(first));
    }

    private static IronicCore.Conductor Fleet(AgentBehaviour behaviour, int count)
    {
        var options = new ConductorOptions(IronicRelease.Release21_4);
        var conductor = new IronicCore.Conductor(options, seed: 3, agents: behaviour);
        for (var i = 0; i < count; i++)
        {
            conductor.CreateNode(new NodeCreateRequest
            {
                Name = $"n{i}", DeployInterface = "direct", ProvisionState = ProvisionState.Manageable, PowerState = PowerState.PowerOff,
            });
            conductor.SetProvisionState($"n{i}", ApiVerb.Provide);
        }

        conductor.Clock.RunDue();
        return conductor;
    }
}
