using IronicCore.Agent;
using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Simulation;

namespace IronicCore;

/// <summary>
/// Ramdisk agents that act on their own (<see cref="AgentBehaviour"/>): each boots some time
/// after its machine powers on, looks itself up, heartbeats every 0.3 to 0.6 ×
/// <c>[api] ramdisk_heartbeat_timeout</c>, and finishes its commands on the clock, all as
/// events (no thread per agent). Faults, delays and losses come from the seeded randomness.
/// </summary>
public sealed partial class Conductor
{
    private const string AgentVersion = "9.4.0";

    /// <summary>The machine powered on or rebooted: a scripted agent is up at once; a timed one boots.</summary>
    private void BootAgent(SimulatedMachine machine)
    {
        var agent = machine.Agent;
        if (agents is null)
        {
            agent.Start();
            return;
        }

        agent.Stop();
        if (random.NextDouble() >= agents.NeverBootsProbability)
        {
            var task = tasks[machine.Index];
            if (nodes[machine.Index]?.Hardware.Type.ImageTransfer is { } transfer)
            {
                // The machine fetches the agent's kernel and ramdisk over the shared link first.
                task.DownloadGeneration = agent.Generation;
                transfer.BeginRamdiskFetch(task);
                return;
            }

            // The machine powers on once the worker's BMC commands have gone through.
            Clock.Schedule(agents.BootTime + task.Elapsed, this, (int)Worker.AgentBoot, machine.Index, agent.Generation);
        }
    }

    /// <summary>
    /// The machine has the agent's kernel and ramdisk: a timed agent boots them, unless the machine
    /// has been powered off or rebooted since (scripted agents start at power-on and ignore fetches).
    /// </summary>
    private void RamdiskFetched(Drivers.DriverTask task)
    {
        var agent = machines[task.Slot].Agent;
        if (agents is null || nodes[task.Slot] is null || agent.Running || agent.Generation != task.DownloadGeneration)
        {
            return;
        }

        Clock.Schedule(agents.BootTime, this, (int)Worker.AgentBoot, task.Slot, agent.Generation);
    }

    /// <summary>Sends a step to the node's agent; a timed agent finishes it later (or fails, hangs or dies, as drawn).</summary>
    private void StartAgentCommand(Node node, StepReference step)
    {
        var agent = machines[node.Index].Agent;
        try
        {
            agent.Execute(step);
        }
        catch (AgentInProgressException)
        {
            node.SkipCurrentStep = false;
            return;
        }

        if (agents is null)
        {
            return;
        }

        if (step is { Interface: "deploy", Step: "write_image" } && node.Hardware.Type.ImageTransfer is { } transfer)
        {
            // The image comes over the network: the download's end, not a drawn duration, ends the command.
            var task = TaskOf(node);
            task.DownloadGeneration = agent.Generation;
            transfer.BeginDownload(task);
            return;
        }

        var draw = random.NextDouble();
        if (draw < agents.StepHangsProbability)
        {
            return;
        }

        var duration = agents.StepDuration(step.Step, random.NextDouble());
        if (draw < agents.StepHangsProbability + agents.DiesMidStepProbability)
        {
            // The agent dies halfway: it stops heartbeating, and its command never ends.
            Clock.Schedule(duration / 2, this, (int)Worker.AgentCommandDone, node.Index, -agent.Generation);
            return;
        }

        Clock.Schedule(duration, this, (int)Worker.AgentCommandDone, node.Index, agent.Generation);
    }

    private void RunAgent(Node node, Worker worker, long generation)
    {
        var agent = machines[node.Index].Agent;
        if (worker == Worker.AgentCommandDone && generation == -agent.Generation)
        {
            agent.Stop();
            return;
        }

        if (generation != agent.Generation)
        {
            return;
        }

        switch (worker)
        {
            case Worker.AgentBoot:
                agent.Start();
                Clock.Schedule(TimeSpan.Zero, this, (int)Worker.AgentHeartbeat, node.Index, agent.Generation);
                break;
            case Worker.AgentHeartbeat:
                if (random.NextDouble() < agents!.HeartbeatDelayProbability)
                {
                    Clock.Schedule(agents.HeartbeatDelay, this, (int)Worker.AgentDelayedHeartbeat, node.Index, agent.Generation);
                }
                else
                {
                    SendAgentHeartbeat(node, agent);
                }

                Clock.Schedule(
                    AgentBehaviour.HeartbeatInterval(Options.Api.RamdiskHeartbeatTimeout, random.NextDouble()),
                    this, (int)Worker.AgentHeartbeat, node.Index, agent.Generation);
                break;
            case Worker.AgentDelayedHeartbeat:
                SendAgentHeartbeat(node, agent);
                break;
            case Worker.AgentCommandDone when agent.LastCommand is { Status: AgentCommandStatus.Running }:
                var failed = random.NextDouble() < agents!.StepFailsProbability;
                var error = agent.HardwareFault ?? (failed ? "simulated step failure" : null);
                agent.SetResult(error is null ? AgentCommandStatus.Succeeded : AgentCommandStatus.Failed, error);

                // IPA reports back at once when a command ends, rather than at its next beat.
                SendAgentHeartbeat(node, agent);
                break;
        }
    }

    /// <summary>
    /// An image download ended: the agent's <c>write_image</c> command succeeds, or fails with
    /// the agent's error, and the agent reports back at once. A download for an agent that has
    /// restarted since is ignored.
    /// </summary>
    private void ImageDownloaded(Drivers.DriverTask task, string? error)
    {
        if (nodes[task.Slot] is not { } node)
        {
            return;
        }

        var agent = machines[node.Index].Agent;
        if (agent.Generation != task.DownloadGeneration || agent.LastCommand is not { Status: AgentCommandStatus.Running })
        {
            return;
        }

        agent.SetResult(error is null ? AgentCommandStatus.Succeeded : AgentCommandStatus.Failed, error);
        SendAgentHeartbeat(node, agent);
    }

    /// <summary>One heartbeat, looking the node up first when the agent has no token; refusals are the agent's problem, as in IPA.</summary>
    private void SendAgentHeartbeat(Node node, SimulatedAgent agent)
    {
        if (random.NextDouble() < agents!.HeartbeatLossProbability)
        {
            return;
        }

        try
        {
            if (agent.Token is null || node.AgentToken is null)
            {
                var token = Lookup(node);
                agent.Token = token == MaskedToken ? agent.Token : token;
            }

            Heartbeat(node, agent.CallbackUrl, AgentVersion, agent.Token);
        }
        catch (IronicException)
        {
            // IPA logs and tries again at its next beat.
        }
    }
}
