using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Fleet;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.Runbooks;
using IronicCore.Scenarios;
using IronicCore.States;

namespace IronicCore.Api.Tests.Options;

/// <summary>
/// Small runs that show what options change: a scenario (a committed oracle scenario or a text of
/// the format), a conductor with self-driving agents, a fleet, the API, Ironic's start-up checks.
/// Each returns everything it could see as text, so two runs differ exactly when some result does.
/// </summary>
internal static class OptionProbes
{
    /// <summary>The driver sections scenario files and <c>serve</c> carry.</summary>
    public static readonly OptionSection[] Sections = [new IpmiOptions(), new PxeOptions(), new DhcpOptions()];

    private static string ScenarioDirectory =>
        Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../IronicCore.Scenarios.Tests/Scenarios"));

    /// <summary>
    /// A committed scenario (whose expected output is the oracle's), its own options replaced by
    /// <paramref name="options"/> over those of the file that are not <paramref name="option"/>.
    /// </summary>
    public static Func<IReadOnlyDictionary<string, JsonElement>, string> File(string relativePath, string option) => options =>
    {
        var root = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(ScenarioDirectory, relativePath)))!.AsObject();
        var merged = new JsonObject();
        foreach (var (name, value) in (root["options"] as JsonObject) ?? [])
        {
            if (name != option)
            {
                merged[name] = value?.DeepClone();
            }
        }

        foreach (var (name, value) in options)
        {
            merged[name] = JsonNode.Parse(value.GetRawText());
        }

        root["options"] = merged;
        return RunScenario(root.ToJsonString());
    };

    /// <summary>A scenario given as text (without <c>options</c>), run with <paramref name="options"/>.</summary>
    public static Func<IReadOnlyDictionary<string, JsonElement>, string> Text(string scenario) => options =>
    {
        var root = JsonNode.Parse(scenario)!.AsObject();
        root["options"] = new JsonObject(options.Select(pair => KeyValuePair.Create(pair.Key, JsonNode.Parse(pair.Value.GetRawText()))));
        return RunScenario(root.ToJsonString());
    };

    /// <summary>Ironic's start-up checks of <paramref name="release"/>: accepted, or every problem found.</summary>
    public static Func<IReadOnlyDictionary<string, JsonElement>, string> StartUp(IronicRelease release) => options =>
    {
        try
        {
            ConductorOptions.FromNames(release, options, Sections);
            return "accepted";
        }
        catch (IncorrectConfigurationException error)
        {
            return error.Message;
        }
    };

    /// <summary>
    /// A conductor of <paramref name="release"/> whose agents boot, look up, heartbeat and finish
    /// their steps by themselves; <paramref name="act"/> drives it; then every node, its history and
    /// the clock are read.
    /// </summary>
    public static Func<IReadOnlyDictionary<string, JsonElement>, string> Conductor(IronicRelease release, Func<Conductor, string> act) => options =>
    {
        var conductor = new Conductor(ConductorOptions.FromNames(release, options), seed: 5, agents: new AgentBehaviour());
        string acted;
        try
        {
            acted = act(conductor);
        }
        catch (IronicCore.Errors.IronicException error)
        {
            acted = $"{error.IronicClass}: {error.Message}";
        }

        var seen = new StringBuilder().AppendLine(acted).Append(conductor.Clock.GetUtcNow().ToString("O")).AppendLine();
        foreach (var node in conductor.Nodes)
        {
            seen.Append(JsonSerializer.Serialize(new
            {
                node.Name,
                State = node.ProvisionState.ToString(),
                Power = node.PowerState.ToString(),
                node.LastError,
                node.ConductorGroup,
                History = conductor.GetNodeHistory(node.Uuid).Select(h => $"{h.CreatedAt:O} {h.Event}"),
            })).AppendLine();
        }

        return seen.ToString();
    };

    /// <summary>
    /// A conductor with an ipmi node behind a timed BMC (recording its commands) that has
    /// <paramref name="faults"/>: <paramref name="act"/> drives it, then ten minutes pass; the node,
    /// its history, the clock and the BMC's commands are read.
    /// </summary>
    public static Func<IReadOnlyDictionary<string, JsonElement>, string> Ipmi(BmcFault faults, Action<Conductor, SimulatedBmc> act) => options =>
    {
        var conductor = new Conductor(ConductorOptions.FromNames(IronicRelease.Master, options, Sections), seed: 5, agents: new AgentBehaviour());
        var network = conductor.AddPxeNetwork();
        var ipmi = conductor.AddIpmiHardwareType(network.Boot, network.ImageTransfer, new BmcBehaviour { RecordCommands = true });
        var node = conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n",
            Driver = "ipmi",
            ProvisionState = ProvisionState.Manageable,
            PowerState = PowerState.PowerOff,
            DriverInfo = ImmutableSortedDictionary<string, string>.Empty.Add("ipmi_address", "192.0.2.10").Add("ipmi_username", "admin").Add("ipmi_password", "secret"),
        });
        ipmi.GetBmc(node.Uuid).Faults = faults;
        act(conductor, ipmi.GetBmc(node.Uuid));
        conductor.Clock.Advance(TimeSpan.FromMinutes(10));
        var uuid = node.Uuid;
        var seen = conductor.GetNode(uuid);
        return JsonSerializer.Serialize(new
        {
            Now = conductor.Clock.GetUtcNow(),
            State = seen.ProvisionState.ToString(),
            Power = seen.PowerState.ToString(),
            seen.LastError,
            History = conductor.GetNodeHistory(uuid).Select(h => $"{h.CreatedAt:O} {h.Event}"),
            Commands = ipmi.GetBmc(uuid).Commands.Select(c => c.ToString()),
        });
    };

    /// <summary>A fleet of 40 nodes on three conductors that fail now and then, for two days; its result.</summary>
    public static string FleetRun(IReadOnlyDictionary<string, JsonElement> options)
    {
        var scenario = new FleetScenario
        {
            Options = ConductorOptions.FromNames(IronicRelease.Master, options),
            Nodes = 40,
            Conductors = 3,
            Days = 2,
            Seed = 11,
            WorkerDuration = TimeSpan.FromSeconds(30),
            DeployInterface = "direct",
            Workload = new FleetWorkload { Utilization = 0.6, MeanLease = TimeSpan.FromHours(6) },
            ConductorFailures = new ConductorFailures { MeanTimeBetweenFailures = TimeSpan.FromHours(4) },
        };
        return JsonSerializer.Serialize(new FleetSimulation(scenario, new IdlePolicy()).Run());
    }

    /// <summary>The API over a conductor with <paramref name="options"/>: the answer to GET <paramref name="path"/>.</summary>
    public static Func<IReadOnlyDictionary<string, JsonElement>, string> ApiGet(string path) => options =>
    {
        using var factory = new SimulatorFactory(conductor: new Conductor(ConductorOptions.FromNames(IronicRelease.Master, options), seed: 42));
        using var client = factory.Client();
        var answer = client.Get(path).GetAwaiter().GetResult();
        return $"{(int)answer.Status} {answer.Body}";
    };

    /// <summary>Creates a node in <paramref name="state"/> through the public API.</summary>
    public static NodeView Node(
        this Conductor conductor, string name, ProvisionState state, PowerState power = PowerState.PowerOff, string deploy = "direct", string? group = null) =>
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = name,
            DeployInterface = deploy,
            ProvisionState = state,
            PowerState = power,
            ConductorGroup = group ?? string.Empty,
        });

    /// <summary>Creates runbook <c>CUSTOM_CLEAN</c> with one fake BIOS step that fails, so a cleaning that ran it shows.</summary>
    public static void FailingRunbook(this Conductor conductor, params string[] traits)
    {
        conductor.CreateRunbook(new RunbookCreateRequest
        {
            Name = "CUSTOM_CLEAN",
            Steps = [new RunbookStep("bios", "apply_configuration", JsonDocument.Parse("{\"settings\": \"bad\"}").RootElement)],
        });
        conductor.SetRunbookTraits("CUSTOM_CLEAN", traits);
    }

    private static string RunScenario(string json)
    {
        var scenario = Scenario.Parse(json);
        var runner = new ScenarioRunner(scenario);
        var seen = new StringBuilder();
        foreach (var line in runner.Run())
        {
            seen.AppendLine(line.ToJsonString());
        }

        seen.AppendLine(runner.Conductor.Clock.GetUtcNow().ToString("O"));
        foreach (var node in runner.Conductor.Nodes)
        {
            seen.AppendJoin('|', runner.Conductor.GetNodeHistory(node.Uuid).Select(h => $"{h.CreatedAt:O} {h.Event}")).AppendLine();
        }

        return seen.ToString();
    }

    /// <summary>A fleet policy that does nothing: the options alone decide.</summary>
    private sealed class IdlePolicy : IFleetPolicy
    {
        public string Name => "idle";

        public IMaintenancePolicy MaintenancePolicy => IronicMaintenancePolicy.Instance;

        public TimeSpan Interval => TimeSpan.FromHours(1);

        public void Run(IFleetApi fleet)
        {
        }
    }
}
