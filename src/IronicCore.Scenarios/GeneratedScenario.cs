using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Scenarios;

/// <summary>
/// One scenario being drawn by <see cref="ScenarioGenerator"/>: the options, the nodes and their
/// rough model, the virtual clock so far and the steps. Every draw comes from one seeded stream in a
/// fixed order, so a seed always gives the same file.
/// </summary>
internal sealed partial class GeneratedScenario
{
    private static readonly string[] StartStates =
    [
        "manageable", "manageable", "manageable", "available", "available", "active", "active", "active", "enroll",
        "clean failed", "deploy failed", "error", "rescue", "inspect failed",
    ];

    /// <summary>
    /// What releases with servicing add to the start states: the service and hold states, which no
    /// request reaches (step validation drops <c>hold</c>), so a node is created in them.
    /// </summary>
    private static readonly string[] ServicingStartStates =
    [
        .. StartStates, "active", "active", "service failed", "service failed", "service wait", "clean hold", "deploy hold", "service hold",
    ];

    private static readonly string[] MaintenanceReasons =
        ["disk smart errors", "RMA pending", "memory errors", "firmware upgrade", "user_reason: fan failure", "investigating"];

    private static readonly (string Step, int Priority)[] AgentSteps =
    [
        ("erase_devices_metadata", 99), ("erase_devices", 10), ("erase_devices_express", 0), ("burnin_cpu", 0), ("burnin_memory", 0),
    ];

    private readonly SeededRandom random;

    // A stream of its own for the redfish BIOS deploy steps: drawing them leaves every draw of
    // `random` as it was, so the seeds generated before them keep their files up to those steps.
    private readonly SeededRandom biosDeployDraws;

    // Likewise for the agent's in-band deploy steps a deployment may name (added in session 31).
    private readonly SeededRandom inBandDeployDraws;
    private readonly ulong seed;
    private readonly IronicRelease release;
    private readonly JsonObject options = [];
    private readonly List<JsonObject> nodeLines = [];
    private readonly List<GeneratedNode> nodes = [];
    private readonly List<JsonObject> steps = [];
    private readonly int length;
    private double now;

    public GeneratedScenario(ulong seed, ScenarioProfile profile, IronicRelease release)
    {
        this.seed = seed;
        this.release = release;
        random = new SeededRandom(seed ^ 0x5CE4_A210_9E3D_1701);
        biosDeployDraws = new SeededRandom(seed ^ 0xB105_DE91_0F57_E925);
        inBandDeployDraws = new SeededRandom(seed ^ 0x1B4D_DE91_0F11_E500);
        DrawOptions();
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            DrawNode($"node-{i.ToString(CultureInfo.InvariantCulture)}", profile);
        }

        length = 10 + random.Next(31);
        if (options.ContainsKey("deploy.fast_track"))
        {
            // Ironic parses agent_last_heartbeat with microseconds, which a whole-second virtual
            // time lacks (docs/scenarios.md, "Where the oracle is not Ironic"): start off the second.
            _ = AdvanceBy(0.5, "clock: 0.5 s (fast track reads heartbeat times with microseconds)");
        }

        while (steps.Count < length)
        {
            DrawStep();
        }

        // Each step's comment last, after the fields it explains.
        foreach (var step in steps)
        {
            var comment = step["comment"]!.DeepClone();
            _ = step.Remove("comment");
            step["comment"] = comment;
        }
    }

    private bool CleaningEnabled => options["conductor.automated_clean"]?.GetValue<bool>() ?? true;

    /// <summary>Whether the release has servicing and holds (every release after 21.4).</summary>
    private bool Servicing => release != IronicRelease.Release21_4;

    private bool MaintenanceAllowed => options["conductor.allow_provisioning_in_maintenance"]?.GetValue<bool>() ?? true;

    /// <summary>The file, laid out as the hand-written scenarios are: one node and one step a line.</summary>
    public string Write()
    {
        var text = new StringBuilder();
        text.Append("{\n  \"format\": \"").Append(ScenarioParser.Format).Append("\",\n  \"ironic_release\": \"")
            .Append(release.ToIronicName()).Append("\",\n");
        text.Append("  \"seed\": ").Append(seed.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        text.Append("  \"options\": ").Append(JsonLine.Format(options)).Append(",\n");
        AppendList(text, "nodes", nodeLines);
        text.Append(",\n");
        AppendList(text, "steps", steps);
        text.Append("\n}\n");
        return text.ToString();
    }

    private static void AppendList(StringBuilder text, string name, List<JsonObject> lines)
    {
        text.Append("  \"").Append(name).Append("\": [\n");
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append("    ").Append(JsonLine.Format(lines[i])).Append(i + 1 < lines.Count ? ",\n" : "\n");
        }

        text.Append("  ]");
    }

    /// <summary>A few of the options that both the oracle's Ironic and the simulator read, each now and then.</summary>
    private void DrawOptions()
    {
        if (Chance(0.1))
        {
            options["conductor.automated_clean"] = false;
        }

        if (Chance(0.15))
        {
            options["conductor.allow_provisioning_in_maintenance"] = false;
        }

        foreach (var timeout in new[] { "clean_callback_timeout", "deploy_callback_timeout", "rescue_callback_timeout" })
        {
            if (Chance(0.12))
            {
                options[$"conductor.{timeout}"] = Pick([300, 600, 900]);
            }
        }

        if (Chance(0.1))
        {
            options["conductor.force_power_state_during_sync"] = false;
        }

        if (Chance(0.1))
        {
            options["conductor.power_state_sync_max_retries"] = Pick([1, 2]);
        }

        if (Chance(0.1))
        {
            options["deploy.erase_devices_priority"] = Pick([0, 5, 50, 100]);
        }

        if (Chance(0.1))
        {
            options["deploy.erase_devices_metadata_priority"] = Pick([0, 5]);
        }

        if (Chance(0.05))
        {
            options["deploy.power_off_after_deploy_failure"] = false;
        }

        if (Servicing && Chance(0.12))
        {
            options["conductor.service_callback_timeout"] = Pick([300, 600, 900]);
        }

        DrawFailureOptions();
    }

    /// <summary>
    /// The options that change what a failure does: how power sync and its recovery pace and
    /// count, how long soft power actions wait, whether a failed cleaning or servicing powers off
    /// (releases with servicing), fast track, and the concurrency limits.
    /// </summary>
    private void DrawFailureOptions()
    {
        if (Chance(0.08))
        {
            options["conductor.power_failure_recovery_interval"] = Pick([0, 120, 600]);
        }

        if (Chance(0.06))
        {
            options["conductor.sync_power_state_interval"] = Pick([0, 30, 90]);
        }

        if (Chance(0.05))
        {
            options["conductor.check_provision_state_interval"] = Pick([0, 30, 300]);
        }

        if (Chance(0.06))
        {
            options["conductor.soft_power_off_timeout"] = Pick([5, 60]);
        }

        if (Servicing && Chance(0.1))
        {
            options["conductor.poweroff_in_cleanfail"] = true;
        }

        if (Servicing && Chance(0.1))
        {
            options["conductor.poweroff_in_servicefail"] = true;
        }

        if (Chance(0.08))
        {
            options["deploy.fast_track"] = true;
            if (Chance(0.5))
            {
                options["deploy.fast_track_timeout"] = Pick([60, 300]);
            }
        }

        if (Chance(0.05))
        {
            options[Chance(0.5) ? "conductor.max_concurrent_deploy" : "conductor.max_concurrent_clean"] = 1;
        }
    }

    private void DrawNode(string name, ScenarioProfile profile)
    {
        var hardware = profile == ScenarioProfile.Mixed
            ? Pick([ScenarioProfile.Fake, ScenarioProfile.FakeDirect, ScenarioProfile.Ipmi])
            : profile;
        var line = new JsonObject
        {
            ["name"] = name,
            ["driver"] = hardware switch { ScenarioProfile.Ipmi => "ipmi", ScenarioProfile.Redfish => "redfish", _ => "fake-hardware" },
        };
        if (hardware == ScenarioProfile.FakeDirect)
        {
            line["deploy_interface"] = "direct";
        }

        if (hardware == ScenarioProfile.Redfish && Chance(0.4))
        {
            line["boot_interface"] = Pick(["pxe", "ipxe"]);
        }

        var agentRescue = hardware is ScenarioProfile.Ipmi or ScenarioProfile.Redfish ? !Chance(0.1) : Chance(0.3);
        if (agentRescue)
        {
            line["rescue_interface"] = "agent";
        }

        var state = Pick(Servicing ? ServicingStartStates : StartStates);
        line["provision_state"] = state;
        if (!Chance(0.05))
        {
            line["power_state"] = Chance(0.6) ? "power on" : "power off";
        }

        var maintenance = Chance(0.12);
        if (maintenance)
        {
            line["maintenance"] = true;
            line["maintenance_reason"] = Pick(MaintenanceReasons);
        }

        bool? automatedClean = Chance(0.1) ? Chance(0.5) : null;
        if (automatedClean is { } clean)
        {
            line["automated_clean"] = clean;
        }

        var automatedSteps = DefaultAutomatedSteps();
        if (hardware != ScenarioProfile.Fake && Chance(0.3))
        {
            var agentSteps = new JsonArray();
            automatedSteps = 0;
            foreach (var (step, priority) in AgentSteps)
            {
                if (Chance(0.6))
                {
                    var drawn = Chance(0.5) ? priority : Pick([0, 10, 50, 99]);
                    automatedSteps += drawn > 0 ? 1 : 0;
                    agentSteps.Add(new JsonObject
                    {
                        ["interface"] = "deploy", ["step"] = step, ["priority"] = drawn,
                        ["reboot_requested"] = Chance(0.15), ["abortable"] = Chance(0.7), ["argsinfo"] = null,
                    });
                }
            }

            line["agent"] = new JsonObject { ["clean_steps"] = agentSteps };
        }

        nodeLines.Add(line);
        nodes.Add(new GeneratedNode(name, hardware, agentRescue, automatedSteps, Servicing)
        {
            State = state,
            PoweredOn = line["power_state"]?.GetValue<string>() == "power on",
            Maintenance = maintenance,
            AutomatedClean = automatedClean,
        });
    }

    /// <summary>How many of the agent's default steps run in automated cleaning under the drawn priorities.</summary>
    private int DefaultAutomatedSteps() =>
        ((options["deploy.erase_devices_metadata_priority"]?.GetValue<int>() ?? 99) > 0 ? 1 : 0)
        + ((options["deploy.erase_devices_priority"]?.GetValue<int>() ?? 10) > 0 ? 1 : 0);

    private bool Chance(double probability) => random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
