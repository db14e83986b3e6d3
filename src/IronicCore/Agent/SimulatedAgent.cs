using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Nodes;
using IronicCore.Steps;

namespace IronicCore.Agent;

/// <summary>
/// A node's ramdisk agent (ironic-python-agent) as the conductor meets it: it runs while the
/// machine is powered on into the ramdisk, reports its clean and service steps, and runs one command at a
/// time. Unless told otherwise a command has succeeded by the time the conductor asks; a
/// power cycle restarts the agent with no commands.
/// </summary>
internal sealed partial class SimulatedAgent(ImmutableArray<StepDefinition> cleanSteps, ImmutableArray<StepDefinition> serviceSteps, int slot, bool tls)
{
    private (AgentCommandStatus Status, string? Error)? nextResult;
    private string? callbackUrl;

    /// <summary>
    /// The URL the agent reports in its heartbeats, from the node's slot (10.x.y.z:9999). Made at
    /// first use: a node whose agent never runs keeps no string for it.
    /// </summary>
    public string CallbackUrl => callbackUrl ??= $"{(tls ? "https" : "http")}://10.{slot / 65536 % 256}.{slot / 256 % 256}.{slot % 256}:9999";

    /// <summary>Bumped on every start and stop, so the agent's scheduled heartbeats and results from an earlier life are ignored.</summary>
    public long Generation { get; private set; }

    /// <summary>The token the agent got at its lookup.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// Whether the agent's commands finish on their own schedule (a fleet run) rather than by
    /// the time the conductor asks (a scenario).
    /// </summary>
    public bool Timed { get; set; }

    /// <summary>A hardware fault the agent's steps run into (a fleet's broken disk or memory): while set, every timed step fails with it.</summary>
    public string? HardwareFault { get; set; }

    /// <summary>What the agent reports from <c>get_clean_steps</c>.</summary>
    public ImmutableArray<StepDefinition> CleanSteps { get; } = cleanSteps;

    /// <summary>What the agent reports from <c>get_service_steps</c> (every interface's: Ironic master's agent deploy interface offers them all).</summary>
    public ImmutableArray<StepDefinition> ServiceSteps { get; } = serviceSteps;

    /// <summary>Whether the agent runs (the machine is on).</summary>
    public bool Running { get; private set; }

    /// <summary>The latest step command (<c>execute_*_step</c>) since the agent started, if any.</summary>
    public AgentCommand? StepCommand { get; private set; }

    /// <summary>
    /// Whether <see cref="StepCommand"/> is also the agent's last command: a synchronous command
    /// after it (a refreshed <c>get_deploy_steps</c>, <c>standby.power_off</c>) is last instead, and
    /// Ironic then waits for a step command that is not there.
    /// </summary>
    public bool StepCommandIsLast { get; private set; }

    /// <summary>The kinds of command run since the agent started.</summary>
    public AgentCommandsRun CommandsRun { get; private set; }

    /// <summary>How many commands ran since the agent started (21.4 counts them to tell a freshly booted agent).</summary>
    public int CommandCount { get; private set; }

    /// <summary>The machine powered on (or rebooted): a fresh agent, no commands.</summary>
    public void Start()
    {
        Running = true;
        Forget();
    }

    /// <summary>The machine powered off.</summary>
    public void Stop()
    {
        Running = false;
        Forget();
    }

    /// <summary>
    /// The command the agent is busy with: its last, still running. IPA refuses any new command
    /// meanwhile (HTTP 409, Ironic's <c>AgentInProgress</c>).
    /// </summary>
    public AgentCommand? BusyWith()
    {
        Poll();
        return StepCommandIsLast && StepCommand is { Status: AgentCommandStatus.Running } command ? command : null;
    }

    /// <summary>A command IPA answers at once (<c>get_deploy_steps</c>, <c>standby.power_off</c>, ...): it becomes the last. The caller checks <see cref="BusyWith"/> first.</summary>
    public void Record(AgentCommandsRun kind)
    {
        CommandsRun |= kind;
        CommandCount++;
        StepCommandIsLast = false;
    }

    /// <summary>IPA's <c>execute_*_step</c>: accepted as running (or with the result set beforehand). The caller checks <see cref="BusyWith"/> first.</summary>
    public void Execute(StepKind kind, StepReference step)
    {
        var (status, error) = nextResult ?? (AgentCommandStatus.Running, null);
        StepCommand = new AgentCommand(kind, step, status, nextResult is not null, error);
        nextResult = null;
        Record(AgentCommandsRun.Other);
        StepCommandIsLast = true;
    }

    /// <summary>Sets the result of the latest step command, or of the next one when none ran since the agent started.</summary>
    public void SetResult(AgentCommandStatus status, string? error)
    {
        if (StepCommand is { } command)
        {
            command.Status = status;
            command.StatusForced = true;
            command.Error = error;
        }
        else
        {
            nextResult = (status, error);
        }
    }

    /// <summary>
    /// IPA's <c>get_commands_status</c> as the conductor meets it: a scripted agent's command that no
    /// result was set for has succeeded by the time anyone asks, as the oracle's agent's does.
    /// </summary>
    public void Poll()
    {
        if (!Timed && StepCommand is { Status: AgentCommandStatus.Running, StatusForced: false } command)
        {
            command.Status = AgentCommandStatus.Succeeded;
        }
    }

    private void Forget()
    {
        StepCommand = null;
        StepCommandIsLast = false;
        CommandsRun = AgentCommandsRun.None;
        CommandCount = 0;
        Token = null;
        Generation++;
    }
}
