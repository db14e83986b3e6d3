using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Errors;
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

    /// <summary>The latest command since the agent started, if any.</summary>
    public AgentCommand? LastCommand { get; private set; }

    /// <summary>The machine powered on (or rebooted): a fresh agent, no commands.</summary>
    public void Start()
    {
        Running = true;
        LastCommand = null;
        Token = null;
        Generation++;
    }

    /// <summary>The machine powered off.</summary>
    public void Stop()
    {
        Running = false;
        LastCommand = null;
        Token = null;
        Generation++;
    }

    /// <summary>IPA's <c>execute_clean_step</c>: accepted as running, unless a command still runs (busy).</summary>
    /// <exception cref="AgentInProgressException">The previous command is still running.</exception>
    public void Execute(StepReference step)
    {
        if (LastCommand is { Status: AgentCommandStatus.Running })
        {
            throw new AgentInProgressException(LastCommand.Step.ToString());
        }

        var (status, error) = nextResult ?? (AgentCommandStatus.Running, null);
        LastCommand = new AgentCommand(step, status, nextResult is not null, error);
        nextResult = null;
    }

    /// <summary>IPA's <c>get_commands_status</c>: an unforced running command has finished by now.</summary>
    public AgentCommand? Poll()
    {
        if (!Timed && LastCommand is { Status: AgentCommandStatus.Running, StatusForced: false } command)
        {
            command.Status = AgentCommandStatus.Succeeded;
        }

        return LastCommand;
    }

    /// <summary>Sets the result of the latest command, or of the next one when none ran since the agent started.</summary>
    public void SetResult(AgentCommandStatus status, string? error)
    {
        if (LastCommand is { } command)
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
}
