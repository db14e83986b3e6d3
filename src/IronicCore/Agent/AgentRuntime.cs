using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Simulation;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Agent;

/// <summary>
/// The simulated agents' lives. Scripted agents (no <see cref="AgentBehaviour"/>) start at
/// power-on and act only when a test tells them. Timed agents boot some time after their
/// machine powers on, look themselves up, heartbeat every 0.3 to 0.6 ×
/// <c>[api] ramdisk_heartbeat_timeout</c> and finish their commands on the clock, all as
/// events (no thread per agent); faults, delays and losses come from the seeded randomness.
/// An agent reaches the conductor only through <see cref="IAgentEnvironment"/>.
/// </summary>
internal sealed class AgentRuntime(
    SimulationClock clock,
    SeededRandom random,
    ConductorOptions options,
    AgentBehaviour? behaviour,
    ISimulationEventHandler handler,
    IAgentEnvironment environment,
    bool scriptedAgentsUseTls)
{
    private const string Version = "9.4.0";
    private const string MaskedToken = "******";

    /// <summary>
    /// Whether agents call back over https. Timed agents follow <c>[agent] require_tls</c>; scripted
    /// ones are the scenario format's agent (the oracle's ironic-python-agent), which heartbeats over
    /// https as the release profile says: a 21.4 conductor that requires TLS refuses it.
    /// </summary>
    public bool UsesTls => behaviour is null ? scriptedAgentsUseTls : options.Agent.RequireTls;

    /// <summary>A node's agent: IPA's default clean and service steps unless the node says otherwise; scripted agents of powered-on machines run already.</summary>
    public SimulatedAgent Create(int slot, ImmutableArray<StepDefinition>? cleanSteps, ImmutableArray<StepDefinition>? serviceSteps, bool poweredOn)
    {
        var agent = new SimulatedAgent(cleanSteps ?? IpaCleanSteps.Default, serviceSteps ?? IpaServiceSteps.Default, slot, UsesTls)
        {
            Timed = behaviour is not null,
        };
        if (poweredOn && behaviour is null)
        {
            agent.Start();
        }

        return agent;
    }

    /// <summary>The machine powered on or rebooted: a scripted agent is up at once; a timed one boots.</summary>
    public void Boot(int slot, SimulatedAgent agent)
    {
        if (behaviour is null)
        {
            agent.Start();
            return;
        }

        agent.Stop();
        if (random.NextDouble() >= behaviour.NeverBootsProbability)
        {
            // The machine fetches the agent's kernel and ramdisk over the shared link first, if
            // its hardware has one; else it powers on once the worker's BMC commands have gone through.
            if (!environment.BeginRamdiskFetch(slot, agent.Generation))
            {
                clock.Schedule(behaviour.BootTime + environment.PowerOnDelay(slot), handler, (int)AgentEvent.Boot, slot, agent.Generation);
            }
        }
    }

    /// <summary>
    /// The machine has the agent's kernel and ramdisk: a timed agent boots them, unless the machine
    /// has been powered off or rebooted since (scripted agents start at power-on and ignore fetches).
    /// </summary>
    public void RamdiskFetched(int slot, SimulatedAgent agent, long generation)
    {
        if (behaviour is null || agent.Running || agent.Generation != generation)
        {
            return;
        }

        clock.Schedule(behaviour.BootTime, handler, (int)AgentEvent.Boot, slot, agent.Generation);
    }

    /// <summary>
    /// IPA's command API: the agent, not busy (the agent client checked), runs <paramref name="step"/>;
    /// a timed agent finishes it later (or fails, hangs or dies, as drawn).
    /// </summary>
    public void Execute(int slot, SimulatedAgent agent, StepKind kind, StepReference step)
    {
        agent.Execute(kind, step);
        if (behaviour is null)
        {
            return;
        }

        // An image that comes over the network: the download's end, not a drawn duration, ends the command.
        if (step is { Interface: "deploy", Step: "write_image" } && environment.BeginImageDownload(slot, agent.Generation))
        {
            return;
        }

        var draw = random.NextDouble();
        if (draw < behaviour.StepHangsProbability)
        {
            return;
        }

        var duration = behaviour.StepDuration(step.Step, random.NextDouble());
        if (draw < behaviour.StepHangsProbability + behaviour.DiesMidStepProbability)
        {
            // The agent dies halfway: it stops heartbeating, and its command never ends.
            clock.Schedule(duration / 2, handler, (int)AgentEvent.CommandDone, slot, -agent.Generation);
            return;
        }

        clock.Schedule(duration, handler, (int)AgentEvent.CommandDone, slot, agent.Generation);
    }

    /// <summary>One of a timed agent's events; events from an earlier life of the agent are ignored.</summary>
    public void Run(AgentEvent @event, int slot, SimulatedAgent agent, long generation)
    {
        if (@event == AgentEvent.CommandDone && generation == -agent.Generation)
        {
            agent.Stop();
            return;
        }

        if (generation != agent.Generation)
        {
            return;
        }

        switch (@event)
        {
            case AgentEvent.Boot:
                agent.Start();
                clock.Schedule(TimeSpan.Zero, handler, (int)AgentEvent.Heartbeat, slot, agent.Generation);
                break;
            case AgentEvent.Heartbeat:
                if (random.NextDouble() < behaviour!.HeartbeatDelayProbability)
                {
                    clock.Schedule(behaviour.HeartbeatDelay, handler, (int)AgentEvent.DelayedHeartbeat, slot, agent.Generation);
                }
                else
                {
                    SendHeartbeat(slot, agent);
                }

                clock.Schedule(
                    AgentBehaviour.HeartbeatInterval(options.Api.RamdiskHeartbeatTimeout, random.NextDouble()),
                    handler, (int)AgentEvent.Heartbeat, slot, agent.Generation);
                break;
            case AgentEvent.DelayedHeartbeat:
                SendHeartbeat(slot, agent);
                break;
            case AgentEvent.CommandDone when agent.StepCommand is { Status: AgentCommandStatus.Running }:
                var failed = random.NextDouble() < behaviour!.StepFailsProbability;
                var error = agent.HardwareFault ?? (failed ? "simulated step failure" : null);
                agent.SetResult(error is null ? AgentCommandStatus.Succeeded : AgentCommandStatus.Failed, error);

                // IPA reports back at once when a command ends, rather than at its next beat.
                SendHeartbeat(slot, agent);
                break;
        }
    }

    /// <summary>
    /// An image download ended: the agent's <c>write_image</c> command succeeds, or fails with
    /// the agent's error, and the agent reports back at once. A download for an agent that has
    /// restarted since is ignored.
    /// </summary>
    public void ImageDownloaded(int slot, SimulatedAgent agent, long generation, string? error)
    {
        if (agent.Generation != generation || agent.StepCommand is not { Status: AgentCommandStatus.Running })
        {
            return;
        }

        agent.SetResult(error is null ? AgentCommandStatus.Succeeded : AgentCommandStatus.Failed, error);
        SendHeartbeat(slot, agent);
    }

    /// <summary>
    /// One heartbeat, looking the node up first when the agent holds no token, and again when the
    /// conductor refuses the token it holds (the conductor forgot it); refusals are the agent's
    /// problem, as in IPA.
    /// </summary>
    private void SendHeartbeat(int slot, SimulatedAgent agent)
    {
        if (random.NextDouble() < behaviour!.HeartbeatLossProbability)
        {
            return;
        }

        try
        {
            var lookedUp = agent.Token is null;
            if (lookedUp && !LookUp(slot, agent))
            {
                return;
            }

            // Ironic's InvalidParameterValue (a token it forgot, most often) sends the agent to lookup.
            var answer = environment.TryHeartbeat(slot, agent.CallbackUrl, Version, agent.Token);
            if (answer is not (HeartbeatAnswer.Accepted or HeartbeatAnswer.NodeLocked) && !lookedUp && LookUp(slot, agent))
            {
                environment.TryHeartbeat(slot, agent.CallbackUrl, Version, agent.Token);
            }
        }
        catch (IronicException)
        {
            // IPA logs and tries again at its next beat.
        }
    }

    /// <summary>Looks the node up; false when the conductor refused (the API's 404), which the agent shrugs off like any refusal.</summary>
    private bool LookUp(int slot, SimulatedAgent agent)
    {
        var token = environment.TryLookup(slot);
        if (token is null)
        {
            return false;
        }

        // An agent booted from a virtual media ISO holds the token written into it, which the lookup
        // answers masked (IPA keeps the token it was booted with).
        agent.Token = token != MaskedToken ? token : environment.PregeneratedToken(slot) ?? agent.Token;
        return true;
    }
}
