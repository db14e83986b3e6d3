using System.Collections.Immutable;
using IronicCore.Agent;
using IronicCore.Drivers;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Tests.Drivers;

/// <summary>
/// How the conductor reads the agent's command list (Ironic's <c>_freshly_booted</c> and
/// <c>_get_completed_command</c>), on an agent driven command by command.
/// </summary>
[TestFixture]
public sealed class AgentCommandsTests
{
    private static readonly StepReference WriteImage = new("deploy", "write_image");

    [TestCase(IronicRelease.Release21_4, false)]
    [TestCase(IronicRelease.Release2025_1, true)]
    [TestCase(IronicRelease.Master, true)]
    public void FreshlyBooted_AfterTheKindsStepsReadTwice_OnlyAfter21_4(IronicRelease release, bool fresh)
    {
        var agent = Started();
        agent.Record(AgentCommandsRun.GetDeploySteps);
        agent.Record(AgentCommandsRun.GetDeploySteps);

        Assert.That(AgentCommands.FreshlyBooted(agent, StepKind.Deploy, ReleaseProfile.For(release)), Is.EqualTo(fresh));
    }

    [TestCase(IronicRelease.Release21_4)]
    [TestCase(IronicRelease.Master)]
    public void FreshlyBooted_NotAfterAnotherKindsStepsOrAnyOtherCommand(IronicRelease release)
    {
        var profile = ReleaseProfile.For(release);
        var cleanQuery = Started();
        cleanQuery.Record(AgentCommandsRun.GetCleanSteps);
        var stepRun = Started();
        stepRun.Record(AgentCommandsRun.GetDeploySteps);
        stepRun.Execute(StepKind.Deploy, WriteImage);

        Assert.Multiple(() =>
        {
            Assert.That(AgentCommands.FreshlyBooted(Started(), StepKind.Deploy, profile), Is.True, "no command at all");
            Assert.That(AgentCommands.FreshlyBooted(cleanQuery, StepKind.Deploy, profile), Is.False);
            Assert.That(AgentCommands.FreshlyBooted(stepRun, StepKind.Deploy, profile), Is.False);
        });
    }

    [Test]
    public void CompletedCommand_IsTheLastCommandOnly_WhenItIsTheKindsStepCommand()
    {
        var agent = Started();
        agent.Execute(StepKind.Deploy, WriteImage);
        agent.Poll();
        var completed = AgentCommands.CompletedCommand(agent, StepKind.Deploy, WriteImage);
        var asClean = AgentCommands.CompletedCommand(agent, StepKind.Clean, WriteImage);
        agent.Record(AgentCommandsRun.GetDeploySteps);

        Assert.Multiple(() =>
        {
            Assert.That(completed?.Status, Is.EqualTo(AgentCommandStatus.Succeeded));
            Assert.That(asClean, Is.Null, "an execute_deploy_step is not a clean step's");
            Assert.That(AgentCommands.CompletedCommand(agent, StepKind.Deploy, WriteImage), Is.Null, "get_deploy_steps came after it");
        });
    }

    [Test]
    public void CompletedCommand_SuccessCountsForTheCurrentStepOnly_FailureForAnyStep()
    {
        var succeeded = Started();
        succeeded.Execute(StepKind.Clean, new StepReference("deploy", "erase_devices_metadata"));
        succeeded.Poll();
        var failed = Started();
        failed.Execute(StepKind.Clean, new StepReference("deploy", "erase_devices_metadata"));
        failed.SetResult(AgentCommandStatus.Failed, "disk on fire");
        var current = new StepReference("deploy", "erase_devices");

        Assert.Multiple(() =>
        {
            Assert.That(AgentCommands.CompletedCommand(succeeded, StepKind.Clean, current), Is.Null);
            Assert.That(AgentCommands.CompletedCommand(failed, StepKind.Clean, current)?.Status, Is.EqualTo(AgentCommandStatus.Failed));
        });
    }

    [Test]
    public void BusyAgent_IsBusyWithItsLastCommandOnly()
    {
        var agent = Started();
        agent.SetResult(AgentCommandStatus.Running, null);
        agent.Execute(StepKind.Deploy, WriteImage);
        var busy = agent.BusyWith()?.Name;
        agent.SetResult(AgentCommandStatus.Succeeded, null);
        agent.Record(AgentCommandsRun.GetDeploySteps);
        agent.SetResult(AgentCommandStatus.Running, null);

        Assert.Multiple(() =>
        {
            Assert.That(busy, Is.EqualTo("execute_deploy_step"));
            Assert.That(agent.BusyWith(), Is.Null, "the running step command is no longer the last");
        });
    }

    private static SimulatedAgent Started()
    {
        var agent = new SimulatedAgent(IpaCleanSteps.Default, IpaServiceSteps.Default, slot: 0, tls: false);
        agent.Start();
        return agent;
    }
}
