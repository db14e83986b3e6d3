namespace IronicCore.Scenarios;

/// <summary>
/// The generator's rough idea of one node: its provision state as Ironic would most likely have it
/// after the steps so far, so that most verbs it draws are valid ones. It is a guess, not an oracle:
/// where it is wrong a drawn verb is merely refused, which a scenario may well contain.
/// </summary>
internal sealed class GeneratedNode(string name, ScenarioProfile hardware, bool agentRescue, int automatedSteps, bool servicing)
{
    private static readonly string[] WaitStates = ["clean wait", "wait call-back", "rescue wait"];

    /// <summary>With servicing, the states in which the agent or the operator moves the node on.</summary>
    private static readonly string[] ServicingWaitStates = [.. WaitStates, "service wait", "clean hold", "deploy hold", "service hold"];

    /// <summary>Ironic's verbs, in a fixed order so that draws do not depend on a hash order.</summary>
    public static readonly string[] Verbs =
        ["manage", "provide", "inspect", "clean", "active", "deploy", "deleted", "undeploy", "rebuild", "abort", "adopt", "rescue", "unrescue"];

    /// <summary>The verbs of releases with servicing and holds.</summary>
    public static readonly string[] ServicingVerbs = [.. Verbs, "service", "unhold"];

    public string Name { get; } = name;

    /// <summary><see cref="ScenarioProfile.Fake"/>, <see cref="ScenarioProfile.FakeDirect"/> or <see cref="ScenarioProfile.Ipmi"/>.</summary>
    public ScenarioProfile Hardware { get; } = hardware;

    public string State { get; set; } = "enroll";

    public bool Maintenance { get; set; }

    public bool BmcReachable { get; set; } = true;

    public bool? AutomatedClean { get; set; }

    /// <summary>Whether the machine is on, as far as the steps so far tell (its agent runs only then).</summary>
    public bool PoweredOn { get; set; }

    /// <summary>Heartbeats the current wait still needs before it ends.</summary>
    public int HeartbeatsLeft { get; private set; }

    /// <summary>The agent's next answer, once a scenario set one: FAILED ends the wait in failure, RUNNING holds it.</summary>
    public string? AgentStatus { get; set; }

    /// <summary>Virtual seconds at which the current wait began (callback timeouts count from it).</summary>
    public double WaitSince { get; private set; }

    /// <summary>Where a manual cleaning returns to (manageable) rather than an automated one (available).</summary>
    private bool manualClean;

    /// <summary>Whether the service steps of the current service wait are ones the node lacks.</summary>
    private bool serviceInvalid;

    public bool Agent => Hardware != ScenarioProfile.Fake;

    public bool Waiting => (servicing ? ServicingWaitStates : WaitStates).Contains(State);

    /// <summary>The verbs the release has.</summary>
    public IReadOnlyList<string> AllVerbs => servicing ? ServicingVerbs : Verbs;

    /// <summary>The verbs Ironic's state machine accepts in the node's state.</summary>
    public IReadOnlyList<string> ValidVerbs() => servicing ? ServicingValidVerbs() : ValidVerbs21();

    /// <summary>
    /// Master's and 2025.1's machine (ironic/common/state_machine.py): <c>service</c> from active and the
    /// service states, <c>unhold</c> and <c>abort</c> from the holds, <c>abort</c> in wait call-back.
    /// </summary>
    private IReadOnlyList<string> ServicingValidVerbs() => State switch
    {
        "active" => ["deleted", "undeploy", "rebuild", "rescue", "service", "service"],
        "wait call-back" => ["deleted", "abort"],
        "service wait" => ["abort", "deleted"],
        "service failed" => ["service", "abort", "rescue", "deleted"],
        "service hold" => ["unhold", "abort", "service"],
        "clean hold" or "deploy hold" => ["unhold", "abort"],
        _ => ValidVerbs21(),
    };

    private IReadOnlyList<string> ValidVerbs21() => State switch
    {
        "enroll" => ["manage"],
        "manageable" => ["provide", "inspect", "clean", "adopt", "manage"],
        "available" => ["manage", "active", "deploy"],
        "active" => ["deleted", "undeploy", "rebuild", "rescue"],
        "deploy failed" => ["active", "rebuild", "deleted"],
        "error" => ["rebuild", "deleted"],
        "clean failed" => ["manage"],
        "inspect failed" => ["manage", "inspect"],
        "adopt failed" => ["adopt", "manage"],
        "rescue" => ["unrescue", "deleted", "rescue"],
        "rescue failed" => ["unrescue", "rescue", "deleted"],
        "unrescue failed" => ["unrescue", "rescue", "deleted"],
        "clean wait" => ["abort"],
        "wait call-back" => ["deleted"],
        "rescue wait" => ["abort", "deleted"],
        _ => [],
    };

    /// <summary>What the node most likely becomes once a valid verb was accepted.</summary>
    public void Accept(string verb, double now, bool cleaningEnabled, bool maintenanceAllowed)
    {
        if (Maintenance && (verb is "clean" or "active" or "deploy" or "rebuild" or "rescue" or "unrescue" or "service"
            || (verb == "provide" && !maintenanceAllowed)))
        {
            return;
        }

        if (FailsWithoutBmc(verb) is { } failed)
        {
            State = failed;
            return;
        }

        switch (verb)
        {
            case "manage":
                State = State == "enroll" && !BmcReachable ? "enroll" : "manageable";
                break;
            case "provide":
                Clean(now, cleaningEnabled, maintenanceAllowed, manual: false);
                break;
            case "clean":
                Clean(now, cleaningEnabled: true, maintenanceAllowed: !Maintenance, manual: true);
                break;
            case "inspect":
                State = "manageable";
                break;
            case "adopt":
                State = "active";
                break;
            case "active" or "deploy" or "rebuild":
                if (Hardware == ScenarioProfile.Fake)
                {
                    State = "active";
                }
                else
                {
                    StartWait("wait call-back", now, 2);
                }

                break;
            case "deleted" or "undeploy":
                Clean(now, cleaningEnabled, maintenanceAllowed, manual: false);
                break;
            case "rescue":
                if (agentRescue)
                {
                    StartWait("rescue wait", now, 1);
                }
                else
                {
                    State = "rescue";
                }

                break;
            case "unrescue":
                State = "active";
                break;
            case "abort":
                State = State switch
                {
                    "clean wait" or "clean hold" => "clean failed",
                    "wait call-back" or "deploy hold" => "deploy failed",
                    // Master returns an aborted service to active (servicing.do_node_service_abort).
                    "service wait" or "service hold" or "service failed" => "active",
                    _ => "rescue failed",
                };
                break;
            case "unhold":
                Unhold(now);
                break;
        }
    }

    /// <summary>
    /// With the BMC down, where an agent's verb most likely ends: its first (or last) power action
    /// fails, and the operation's error handler takes the node to its failed state.
    /// </summary>
    private string? FailsWithoutBmc(string verb) => BmcReachable || !Agent ? null : verb switch
    {
        "provide" or "clean" => "clean failed",
        "active" or "deploy" or "rebuild" => "deploy failed",
        "deleted" or "undeploy" when State is "active" or "deploy failed" or "error" or "wait call-back" => "error",
        "rescue" when agentRescue => "rescue failed",
        "unrescue" => "unrescue failed",
        _ => null,
    };

    /// <summary>
    /// A service the conductor accepted: steps the node's interfaces run in the request end it at once,
    /// the agent's wait in service wait for two heartbeats; steps it lacks fail servicing once the agent is up.
    /// </summary>
    public void Service(double now, bool inBand, bool valid)
    {
        if (Maintenance)
        {
            return;
        }

        if (Agent && !BmcReachable)
        {
            // Preparing the service powers the machine off and on.
            State = "service failed";
        }
        else if (!inBand || !Agent)
        {
            State = valid ? "active" : "service failed";

            // A step that fails in the conductor fails servicing with maintenance (fault "service failure").
            Maintenance = !valid;
        }
        else
        {
            StartWait("service wait", now, valid ? 2 : 1);
            serviceInvalid = !valid;
        }
    }

    /// <summary>
    /// A created hold has no recorded steps: a clean hold waits for the agent to start cleaning, a deploy
    /// hold resumes a deploy that fails, a service hold fails servicing.
    /// </summary>
    private void Unhold(double now)
    {
        switch (State)
        {
            case "clean hold":
                manualClean = false;
                StartWait("clean wait", now, automatedSteps + 1);
                break;
            case "deploy hold":
                StartWait("wait call-back", now, 1);
                break;
            default:
                State = "service failed";
                break;
        }
    }

    /// <summary>A heartbeat the conductor acts on moves the wait one step on.</summary>
    public void Heartbeat()
    {
        if (!Waiting || Maintenance || !BmcReachable)
        {
            return;
        }

        if (!PoweredOn && !State.EndsWith("hold", StringComparison.Ordinal))
        {
            // The conductor's call to an agent that is not running fails the wait.
            State = State switch
            {
                "clean wait" => "clean failed", "wait call-back" => "deploy failed", "service wait" => "service failed", _ => "rescue failed",
            };
            return;
        }

        if (AgentStatus == "FAILED")
        {
            State = State switch
            {
                "clean wait" => "clean failed", "wait call-back" => "deploy failed", "service wait" => "service failed", _ => State,
            };
            AgentStatus = null;
            return;
        }

        if (AgentStatus == "RUNNING" || State.EndsWith("hold", StringComparison.Ordinal))
        {
            return;
        }

        if (--HeartbeatsLeft > 0)
        {
            return;
        }

        State = State switch
        {
            "clean wait" => manualClean ? "manageable" : "available",
            // fake-hardware cannot set the boot device to disk: its direct deploys fail at the end.
            "wait call-back" => Hardware is ScenarioProfile.Ipmi or ScenarioProfile.Redfish ? "active" : "deploy failed",
            "service wait" => serviceInvalid ? "service failed" : "active",
            _ => "rescue",
        };
    }

    /// <summary>A wait that outlived its callback timeout fails at the next check.</summary>
    public void Advance(double now, double cleanTimeout, double deployTimeout, double rescueTimeout, double serviceTimeout)
    {
        if (!Waiting || Maintenance || State.EndsWith("hold", StringComparison.Ordinal))
        {
            return;
        }

        var (timeout, failed) = State switch
        {
            "clean wait" => (cleanTimeout, "clean failed"),
            "wait call-back" => (deployTimeout, "deploy failed"),
            "service wait" => (serviceTimeout, "service failed"),
            _ => (rescueTimeout, "rescue failed"),
        };
        if (now - WaitSince > timeout + 60)
        {
            State = failed;
        }
    }

    private void Clean(double now, bool cleaningEnabled, bool maintenanceAllowed, bool manual)
    {
        manualClean = manual;

        // 21.4 skips automated cleaning only when neither the option nor the node asks for it.
        if (!manual && !cleaningEnabled && AutomatedClean != true)
        {
            State = "available";
        }
        else if (Maintenance && !maintenanceAllowed)
        {
            State = "clean failed";
        }
        else if (!Agent)
        {
            State = manual ? "manageable" : "available";
        }
        else
        {
            StartWait("clean wait", now, manual ? 2 : automatedSteps + 1);
        }
    }

    private void StartWait(string state, double now, int heartbeats)
    {
        // The conductor boots the machine into the agent's ramdisk.
        PoweredOn |= BmcReachable;
        State = state;
        WaitSince = now;
        HeartbeatsLeft = heartbeats;
        AgentStatus = null;
    }
}
