namespace IronicCore.Scenarios;

/// <content>
/// Failure paths drawn on purpose: a fault (a BMC that stops answering, a machine that loses power
/// and its agent with it, a failed agent command) followed at once by what it should break (a
/// verb's power actions, a tear-down, a heartbeat in a wait state, a callback timeout, power sync).
/// Drawn one step at a time these pairs are rare; here each is two steps.
/// </content>
internal sealed partial class GeneratedScenario
{
    /// <summary>Whether a pair of steps still fits in the scenario's length.</summary>
    private bool RoomForTwo => steps.Count + 2 <= length;

    /// <summary>A fault while the node waits for its agent, and what it breaks.</summary>
    private bool FaultInWait(GeneratedNode node)
    {
        if (!RoomForTwo)
        {
            return Bmc(node);
        }

        switch (random.Next(5))
        {
            case 0:
                // The agent cannot be reached: the machine is off, the BMC still answers.
                BmcStep(node, reachable: true, "power off", "BMC: answering; the machine loses power (its agent is gone)");
                return Heartbeat(node);
            case 1:
                BmcStep(node, reachable: false, powerState: null, "BMC: outage while the agent works");
                return Heartbeat(node);
            case 2:
                BmcStep(node, reachable: false, powerState: null, "BMC: outage before the wait is given up (its tear-down powers off)");
                return Verb(node, valid: true);
            case 3:
                BmcStep(node, reachable: false, powerState: null, "BMC: outage until the callback timeout");
                return AdvancePast(node.State switch
                {
                    "clean wait" => Timeout("clean"),
                    "wait call-back" => Timeout("deploy"),
                    "service wait" => Timeout("service"),
                    _ => Timeout("rescue"),
                });
            default:
                var failed = Step("agent_result", node, $"agent: its command FAILED in {node.State}");
                failed["status"] = "FAILED";
                failed["error"] = Pick(AgentErrors);
                node.AgentStatus = "FAILED";
                return Heartbeat(node);
        }
    }

    /// <summary>A fault on a node at rest, and the request or periodic task it breaks.</summary>
    private bool FaultThenAct(GeneratedNode node)
    {
        if (!RoomForTwo)
        {
            return Bmc(node);
        }

        switch (random.Next(5))
        {
            case 0 or 1:
                BmcStep(node, reachable: false, powerState: null, "BMC: outage before a request that powers the node");
                return Verb(node, valid: true);
            case 2:
                BmcStep(node, reachable: false, powerState: null, "BMC: outage before a power request");
                return Power(node);
            case 3:
                BmcStep(node, reachable: false, powerState: null, "BMC: outage across power syncs (maintenance for a power failure)");
                return AdvancePast(Pick([300.0, 600.0]));
            default:
                if (!node.BmcReachable)
                {
                    BmcStep(node, reachable: true, powerState: null, "BMC: answering again (power failure recovery)");
                    return AdvancePast(Pick([300.0, 700.0]));
                }

                var state = node.PoweredOn ? "power off" : "power on";
                BmcStep(node, reachable: true, state, $"BMC: answering; the machine is {state} behind the conductor's back");
                return AdvancePast(Pick([60.0, 120.0, 300.0]));
        }
    }

    private void BmcStep(GeneratedNode node, bool reachable, string? powerState, string comment)
    {
        var step = Step("bmc", node, comment);
        step["reachable"] = reachable;
        node.BmcReachable = reachable;
        if (powerState is not null)
        {
            step["power_state"] = powerState;
            node.PoweredOn = powerState == "power on";
        }
    }

    /// <summary>The clock moved past a span (a timeout plus the minute its periodic check may take).</summary>
    private bool AdvancePast(double seconds) => AdvanceBy(seconds + 61, $"clock: {seconds + 61} s (past a timeout or power syncs)");
}
