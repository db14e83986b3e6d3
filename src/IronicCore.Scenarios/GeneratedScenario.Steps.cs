using System.Text.Json.Nodes;

namespace IronicCore.Scenarios;

/// <content>The steps: what kind a node's state makes likely, then that kind's fields.</content>
internal sealed partial class GeneratedScenario
{
    private static readonly string[] PowerTargets = ["power on", "power off", "rebooting", "soft power off", "soft rebooting"];

    private static readonly double[] ShortAdvances = [10, 30, 45, 60, 90, 120, 150, 300];

    private static readonly double[] LongAdvances = [600, 900, 1200, 1900, 3600, 7200];

    private static readonly string[] AgentErrors =
        ["Image checksum mismatch", "Disk /dev/sda failed to erase", "simulated clean step failure", "Command timed out", "Out of memory"];

    private void DrawStep()
    {
        var node = Pick(nodes);
        var waiting = node.Waiting;
        var roll = random.Next(100);
        if (waiting)
        {
            _ = roll switch
            {
                < 40 => Heartbeat(node),
                < 51 => AgentResult(node),
                < 60 => Advance(),
                < 67 => Verb(node, valid: true),
                < 71 => Verb(node, valid: false),
                < 78 => Maintenance(node),
                < 83 => Bmc(node),
                < 88 => Power(node),
                _ => FaultInWait(node),
            };
        }
        else
        {
            _ = roll switch
            {
                < 41 => Verb(node, valid: true),
                < 50 => Verb(node, valid: false),
                < 58 => Power(node),
                < 65 => Maintenance(node),
                < 71 => Bmc(node),
                < 82 => Advance(),
                < 86 => Heartbeat(node),
                < 88 => AgentResult(node),
                _ => FaultThenAct(node),
            };
        }
    }

    private bool Verb(GeneratedNode node, bool valid)
    {
        var allowed = node.ValidVerbs();
        var verbs = valid && allowed.Count > 0 ? allowed : [.. node.AllVerbs.Where(v => !allowed.Contains(v))];
        var verb = Pick(verbs);
        var step = Step("provision", node, $"operator: {verb} in {node.State} ({(valid ? "valid" : "invalid")} for the state as the generator models it)");
        step["target"] = verb;
        if (verb == "clean")
        {
            step["clean_steps"] = ManualSteps(node);
            if (node.Agent && Chance(0.1))
            {
                step["disable_ramdisk"] = true;
            }

            if (Servicing && Chance(0.2))
            {
                AddHold(step["clean_steps"]!.AsArray(), priority: null);
            }
        }

        if (Servicing && verb is "active" or "deploy" or "rebuild" && Chance(0.15))
        {
            var deploySteps = new JsonArray();
            AddHold(deploySteps, priority: Pick([10, 60, 100]));
            step["deploy_steps"] = deploySteps;
        }

        if (node.Hardware == ScenarioProfile.Redfish && verb is "active" or "deploy" or "rebuild" && biosDeployDraws.NextDouble() < 0.35)
        {
            if (step["deploy_steps"] is not JsonArray deploySteps)
            {
                deploySteps = [];
                step["deploy_steps"] = deploySteps;
            }

            deploySteps.Add(BiosDeployStep());
        }

        if (node.Agent && verb is "active" or "deploy" or "rebuild" && inBandDeployDraws.NextDouble() < 0.2)
        {
            if (step["deploy_steps"] is not JsonArray deploySteps)
            {
                deploySteps = [];
                step["deploy_steps"] = deploySteps;
            }

            deploySteps.Add(InBandDeployStep());
        }

        if (verb == "service")
        {
            var (serviceSteps, inBand, known) = ServiceSteps(node);
            step["service_steps"] = serviceSteps;
            if (valid)
            {
                node.Service(now, inBand, known);
            }

            return true;
        }

        if (verb == "rescue" && !Chance(0.1))
        {
            step["rescue_password"] = "s3cret";
        }

        if (valid)
        {
            node.Accept(verb, now, CleaningEnabled, MaintenanceAllowed);
        }

        return true;
    }

    /// <summary>A manual cleaning's steps: mostly ones the node's interfaces have, now and then one it lacks.</summary>
    private JsonArray ManualSteps(GeneratedNode node)
    {
        var (interfaceName, step) = random.Next(10) switch
        {
            0 => ("deploy", "no_such_step"),
            1 => ("management", "reset_bios"),
            < 5 when !node.Agent => ("bios", "factory_reset"),
            < 8 when !node.Agent => ("bios", "apply_configuration"),
            _ when !node.Agent => ("deploy", "erase_devices_metadata"),
            < 4 => ("deploy", "erase_devices_metadata"),
            < 7 => ("deploy", "erase_devices_express"),
            < 9 => ("deploy", "erase_devices"),
            _ => ("deploy", "burnin_cpu"),
        };
        var manual = new JsonObject { ["interface"] = interfaceName, ["step"] = step };
        if (step == "apply_configuration")
        {
            manual["args"] = new JsonObject { ["settings"] = new JsonArray(new JsonObject { ["name"] = "LogicalProc", ["value"] = "Enabled" }) };
        }
        else if (Chance(0.2))
        {
            manual["args"] = new JsonObject();
        }

        return [manual];
    }

    /// <summary>
    /// A redfish BIOS deploy step (priority 0 unless asked for): <c>apply_configuration</c> with
    /// settings the BMC takes or refuses (an unknown name, a string for a boolean), or
    /// <c>factory_reset</c>; before <c>deploy.deploy</c> or after it. Drawn from its own stream.
    /// </summary>
    /// <summary>
    /// The agent's in-band <c>deploy.inject_files</c> at a priority around the direct deploy's own
    /// steps, but above <c>boot_instance</c>'s (20), after which only the oracle's agent still answers
    /// (docs/scenarios.md, "Where the oracle is not Ironic"); now and then with an argument the agent's
    /// step does not describe (refused).
    /// </summary>
    private JsonObject InBandDeployStep()
    {
        int[] priorities = [95, 85, 50];
        return new JsonObject
        {
            ["interface"] = "deploy",
            ["step"] = "inject_files",
            ["args"] = inBandDeployDraws.NextDouble() < 0.2 ? new JsonObject { ["files"] = new JsonArray() } : new JsonObject(),
            ["priority"] = priorities[inBandDeployDraws.Next(priorities.Length)],
        };
    }

    private JsonObject BiosDeployStep()
    {
        JsonObject args = biosDeployDraws.Next(5) switch
        {
            0 => new() { ["settings"] = new JsonArray(new JsonObject { ["name"] = "ProcTurboMode", ["value"] = "Disabled" }) },
            1 => new() { ["settings"] = new JsonArray(new JsonObject { ["name"] = "NicBoot2", ["value"] = "NetworkBoot" }, new JsonObject { ["name"] = "QuietBoot", ["value"] = false }) },
            2 => new() { ["settings"] = new JsonArray(new JsonObject { ["name"] = "NoSuchSetting", ["value"] = "On" }) },
            3 => new() { ["settings"] = new JsonArray(new JsonObject { ["name"] = "QuietBoot", ["value"] = "false" }) },
            _ => [],
        };
        int[] priorities = [150, 95, 90];
        return new JsonObject
        {
            ["interface"] = "bios",
            ["step"] = args.Count == 0 ? "factory_reset" : "apply_configuration",
            ["args"] = args,
            ["priority"] = priorities[biosDeployDraws.Next(priorities.Length)],
        };
    }

    /// <summary>
    /// A <c>hold</c> step among the user's steps (Ironic's reserved step: the conductor holds the node
    /// there until <c>unhold</c>); releases with holds only.
    /// </summary>
    private void AddHold(JsonArray userSteps, int? priority)
    {
        var hold = new JsonObject { ["interface"] = "deploy", ["step"] = "hold", ["args"] = new JsonObject() };
        if (priority is { } value)
        {
            hold["priority"] = value;
        }

        userSteps.Insert(Chance(0.5) ? 0 : userSteps.Count, hold);
    }

    /// <summary>
    /// A service's steps: the agent's service steps and the fake vendor's, valid or not (a step no
    /// interface has, a required argument left out, an argument the step does not take), now and then
    /// with a hold. Returns whether they run on the agent and whether the node has them.
    /// </summary>
    private (JsonArray Steps, bool InBand, bool Known) ServiceSteps(GeneratedNode node)
    {
        var (interfaceName, stepName, inBand, known, args) = random.Next(12) switch
        {
            0 => ("deploy", "no_such_step", true, false, null),
            1 => ("raid", "apply_configuration", true, false, new JsonObject()),
            2 => ("deploy", "burnin_cpu", true, false, new JsonObject { ["no_such_argument"] = 1 }),
            < 6 when !node.Agent => ("vendor", "log_passthrough", false, true, null),
            < 7 when !node.Agent => ("vendor", "trigger_servicewait", false, true, null),
            _ when !node.Agent => ("deploy", "burnin_cpu", true, false, null),
            < 5 => ("vendor", "log_passthrough", false, true, null),
            < 8 => ("deploy", "burnin_cpu", true, true, null),
            < 10 => ("deploy", "burnin_memory", true, true, new JsonObject()),
            _ => ("raid", "delete_configuration", true, true, null),
        };
        var service = new JsonObject { ["interface"] = interfaceName, ["step"] = stepName };
        if (args is not null)
        {
            service["args"] = args;
        }

        var steps = new JsonArray(service);
        if (Chance(0.2))
        {
            AddHold(steps, priority: null);
        }

        return (steps, inBand, known);
    }

    private bool Heartbeat(GeneratedNode node)
    {
        var step = Step("heartbeat", node, $"agent: heartbeat in {node.State}");
        if (Chance(0.03))
        {
            step["agent_token"] = "not-the-token";
        }
        else
        {
            node.Heartbeat();
        }

        return true;
    }

    private bool AgentResult(GeneratedNode node)
    {
        var status = random.Next(10) switch { < 4 => "FAILED", < 7 => "RUNNING", _ => "SUCCEEDED" };
        var step = Step("agent_result", node, $"agent: its command {(status == "RUNNING" ? "hangs (RUNNING)" : status)} in {node.State}");
        step["status"] = status;
        if (status == "FAILED" && !Chance(0.2))
        {
            step["error"] = Pick(AgentErrors);
        }

        node.AgentStatus = status == "SUCCEEDED" ? null : status;
        return true;
    }

    private bool Advance()
    {
        var seconds = Chance(0.65) ? Pick(ShortAdvances) : Pick(LongAdvances);
        return AdvanceBy(seconds, $"clock: {seconds} s (periodic tasks, callback timeouts)");
    }

    private bool AdvanceBy(double seconds, string comment)
    {
        steps.Add(new JsonObject { ["op"] = "advance", ["seconds"] = seconds, ["comment"] = comment });
        now += seconds;
        foreach (var node in nodes)
        {
            node.Advance(now, Timeout("clean"), Timeout("deploy"), Timeout("rescue"), Timeout("service"));
        }

        return true;
    }

    private double Timeout(string kind) => options[$"conductor.{kind}_callback_timeout"]?.GetValue<int>() ?? 1800;

    private bool Maintenance(GeneratedNode node)
    {
        var set = !node.Maintenance || Chance(0.2);
        var step = Step("maintenance", node, set ? "operator: maintenance on" : "operator: maintenance off");
        step["set"] = set;
        if (set && !Chance(0.15))
        {
            step["reason"] = Pick(MaintenanceReasons);
        }

        node.Maintenance = set;
        return true;
    }

    private bool Bmc(GeneratedNode node)
    {
        var reachable = !node.BmcReachable || !Chance(0.4);
        var step = Step("bmc", node, reachable ? "BMC: answering" : "BMC: outage");
        step["reachable"] = reachable;
        if (Chance(0.5))
        {
            step["power_state"] = Chance(0.5) ? "power on" : "power off";
            step["comment"] = $"{step["comment"]!.GetValue<string>()}; the machine is {step["power_state"]!.GetValue<string>()} behind the conductor's back";
            node.PoweredOn = step["power_state"]!.GetValue<string>() == "power on";
        }

        node.BmcReachable = reachable;
        if (node.Hardware == ScenarioProfile.Redfish && Chance(0.5))
        {
            // The Redfish BMC's own faults, each set or cleared, kept until a later bmc step.
            var fault = Pick(RedfishFaults);
            step[fault] = !Chance(0.4);
            step["comment"] = $"{step["comment"]!.GetValue<string>()}; {fault} {step[fault]!.GetValue<bool>().ToString().ToLowerInvariant()}";
        }

        return true;
    }

    private static readonly string[] RedfishFaults = ["reset_fails", "insert_media_fails", "credentials_rejected"];

    private bool Power(GeneratedNode node)
    {
        var target = Pick(PowerTargets);
        var step = Step("power", node, $"operator: {target} in {node.State}");
        step["target"] = target;
        if (target.StartsWith("soft", StringComparison.Ordinal) && Chance(0.3))
        {
            step["timeout"] = Pick([10, 60]);
        }

        if (node.BmcReachable && !node.Maintenance)
        {
            node.PoweredOn = !target.EndsWith("power off", StringComparison.Ordinal);
        }

        return true;
    }

    private JsonObject Step(string op, GeneratedNode node, string comment)
    {
        var step = new JsonObject { ["op"] = op, ["node"] = node.Name, ["comment"] = comment };
        steps.Add(step);
        return step;
    }
}
