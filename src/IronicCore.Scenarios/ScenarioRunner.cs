using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Drivers.Redfish;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Scenarios;

/// <summary>
/// Runs a <see cref="Scenario"/> on a conductor of its own and gives one output line per step, as
/// Ironic's oracle prints for the same file: the request's answer (<c>ok</c>, Ironic's error class,
/// HTTP status), then the node (or, after <c>advance</c>, every node) as the API shows it once the
/// work that needs no time has finished. The conductor runs fake-hardware and the ipmi hardware type
/// on instant simulated BMCs behind a PXE network. Not thread-safe: one run at a time.
/// </summary>
public sealed class ScenarioRunner
{
    private const string DefaultAgentVersion = "9.4.0";

    private readonly Scenario scenario;

    // The agent's boot (SimulatedMachine.AgentGeneration) in which it last looked itself up, by node name.
    private readonly Dictionary<string, long> lookedUpInBoot = new(StringComparer.Ordinal);

    /// <summary>Builds the conductor and creates the scenario's nodes; no step runs yet.</summary>
    /// <param name="scenario">The scenario.</param>
    public ScenarioRunner(Scenario scenario)
        : this(scenario, null)
    {
    }

    /// <summary>Builds the conductor with an Ironic driver configuration and creates the scenario's nodes; no step runs yet.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="drivers">Ironic's <c>[DEFAULT]</c> driver options (e.g. from <c>--config-file</c>); null: every simulated implementation, each type's own defaults.</param>
    /// <exception cref="DriverConfigurationException">Ironic would not start with <paramref name="drivers"/>, or would give a node what is not simulated.</exception>
    /// <exception cref="ScenarioException">Ironic refuses to create a node of the file (as the oracle: its error class, <c>nodes[i] (name): message</c>).</exception>
    public ScenarioRunner(Scenario scenario, DriverEnablement? drivers)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        this.scenario = scenario;
        Conductor = new Conductor(scenario.Options, seed: scenario.Seed);

        // The oracle's BMC answers at once and its PXE preparation does nothing: instant BMCs
        // and a pool that never runs dry keep every step's work within the step.
        var network = Conductor.AddPxeNetwork();
        Conductor.AddIpmiHardwareType(network.Boot, behaviour: BmcBehaviour.Instant);
        Redfish = Conductor.AddRedfishHardwareType(network.Boot, behaviour: RedfishBehaviour.Instant);
        DriverNotes = drivers is null ? [] : Conductor.EnableDrivers(drivers);
        foreach (var (node, index) in scenario.Nodes.Select((node, index) => (node, index)))
        {
            // The format's default boot for ipmi is pxe, which the oracle asks for unless a default
            // boot interface is configured (Ironic's own order would pick ipxe when it is enabled).
            var request = node.Request.Driver == IpmiConductorExtensions.HardwareTypeName && node.Request.BootInterface is null
                && drivers?.DefaultInterfaces.ContainsKey("boot") != true
                ? node.Request with { BootInterface = "pxe" }
                : node.Request;
            try
            {
                Conductor.CreateNode(request);
            }
            catch (IronicException error)
            {
                // As the oracle: a node Ironic refuses to create makes the file a bad scenario.
                throw new ScenarioException(error.IronicClass, $"nodes[{index}] ({node.Name}): {error.Message}");
            }

            if (request.Driver == RedfishConductorExtensions.HardwareTypeName)
            {
                JoinBmc(node.Name, index);
            }
        }
    }

    /// <summary>What the driver configuration enables that is not simulated, per option (<see cref="Conductor.EnableDrivers"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> DriverNotes { get; }

    /// <summary>The conductor the steps run on, as far as they have run.</summary>
    public Conductor Conductor { get; }

    /// <summary>The redfish hardware type's BMCs, where a <c>bmc</c> step's Redfish faults go.</summary>
    private RedfishHardware Redfish { get; }

    /// <summary>The driver sections of the conductor's options, whose options a file may set (ipmi's, PXE's).</summary>
    internal static ImmutableArray<OptionSection> DriverSections => [new IpmiOptions(), new RedfishOptions(), new PxeOptions(), new DhcpOptions()];

    /// <summary>Runs every step and hands over the conductor as the scenario left it (for <c>ironic-sim serve --scenario</c>).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The conductor.</returns>
    public static Conductor RunToEnd(Scenario scenario) => new ScenarioRunner(scenario).RunToEnd();

    /// <summary>Runs every step and hands over the conductor as the scenario left it (a runner built with a driver configuration).</summary>
    /// <returns>The conductor.</returns>
    public Conductor RunToEnd()
    {
        foreach (var _ in Run())
        {
        }

        return Conductor;
    }

    /// <summary>
    /// The node history the steps run so far left, as <c>.ci/oracle-history</c> prints Ironic's
    /// <c>node_history</c> table: one object an entry (<c>node</c>, <c>event_type</c>, <c>severity</c>,
    /// <c>event</c>), node by node in the file's order, each node's entries oldest first.
    /// </summary>
    /// <returns>One JSON object per entry.</returns>
    public IEnumerable<JsonObject> History() =>
        scenario.NodeNames.SelectMany(name => Conductor.GetNodeHistory(name).Select(entry => new JsonObject
        {
            ["node"] = name, ["event_type"] = entry.EventType, ["severity"] = entry.Severity, ["event"] = entry.Event,
        }));

    /// <summary>
    /// Runs the steps one by one as the lines are read, each line the step's output with the oracle's
    /// fields in its order (<see cref="JsonLine.Format"/> writes it as the oracle does). A refusal is a
    /// result (<c>"ok": false</c>), not a failure of the run.
    /// </summary>
    /// <returns>One JSON object per step.</returns>
    public IEnumerable<JsonObject> Run()
    {
        foreach (var step in scenario.Steps)
        {
            var isRequest = step.Op is not ("advance" or "bmc" or "agent_result" or "conductor");
            var line = new JsonObject { ["step"] = step.Number, ["op"] = step.Op, ["ok"] = true, ["error"] = null, ["http"] = isRequest ? 202 : null };
            try
            {
                Execute(step);
            }
            catch (IronicException error)
            {
                line["ok"] = false;
                line["error"] = error.IronicClass;
                line["http"] = error.HttpStatus;
            }

            Conductor.Clock.RunDue();
            if (step.Op == "advance")
            {
                line["nodes"] = new JsonArray([.. scenario.Nodes.Select(n => (JsonNode)View(Conductor.GetNode(n.Name)))]);
            }
            else
            {
                line["node"] = View(Conductor.GetNode(step.Node!));
            }

            yield return line;
        }
    }

    private void Execute(ScenarioStep step)
    {
        var fields = step.Fields;
        switch (step.Op)
        {
            case "provision":
                Conductor.SetProvisionState(
                    step.Node!, fields.GetProperty("target").GetString()!, ProvisionRequest.FromJson(fields, Conductor.Release));
                break;
            case "power":
                TimeSpan? timeout = fields.TryGetProperty("timeout", out var seconds) ? TimeSpan.FromSeconds(seconds.GetInt32()) : null;
                Conductor.SetPowerState(step.Node!, fields.GetProperty("target").GetString()!, timeout);
                break;
            case "maintenance":
                if (fields.GetProperty("set").GetBoolean())
                {
                    Conductor.SetMaintenance(step.Node!, fields.TryGetProperty("reason", out var reason) ? reason.GetString() : null);
                }
                else
                {
                    Conductor.ClearMaintenance(step.Node!);
                }

                break;
            case "bmc":
                var machine = Conductor.GetMachine(step.Node!);
                machine.Reachable = fields.GetProperty("reachable").GetBoolean();
                SetRedfishFaults(step);
                if (fields.TryGetProperty("power_state", out var real) && real.ValueKind == JsonValueKind.String)
                {
                    machine.SetPowerState(IronicNameParser.Parse<PowerState>(real.GetString()!));
                }

                break;
            case "heartbeat":
                Heartbeat(step);
                break;
            case "agent_result":
                var status = fields.GetProperty("status").GetString() switch
                {
                    "SUCCEEDED" => AgentCommandStatus.Succeeded,
                    "FAILED" => AgentCommandStatus.Failed,
                    _ => AgentCommandStatus.Running,
                };
                // Without an error the agent words the failure itself, by the kind of step it ran.
                var error = fields.TryGetProperty("error", out var given) ? given.GetString() : null;
                Conductor.SetAgentResult(step.Node!, status, error);
                break;
            case "advance":
                Conductor.Clock.Advance(TimeSpan.FromSeconds(fields.GetProperty("seconds").GetDouble()));
                break;
            default:
                throw new InvalidOperationException($"Op {step.Op} passed the parser but has no runner.");
        }
    }

    /// <summary>
    /// As the oracle's BMCs: a redfish node's system joins the BMC of its address when the node is
    /// created (a node without a valid address joins none; Ironic refuses it when it validates).
    /// </summary>
    /// <exception cref="ScenarioException">Another node of the file is the same system of the same BMC.</exception>
    private void JoinBmc(string name, int index)
    {
        try
        {
            Redfish.GetSystem(name);
        }
        catch (IronicException)
        {
        }
        catch (ArgumentException error)
        {
            throw new ScenarioException("InvalidScenario", $"nodes[{index}] ({name}): {error.Message}");
        }
    }

    /// <summary>The <c>bmc</c> step's Redfish faults, each kept until a later step changes it (the parser allows them on redfish nodes only).</summary>
    private void SetRedfishFaults(ScenarioStep step)
    {
        var fields = step.Fields;
        bool? Flag(string name) => fields.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetBoolean() : null;
        if (Flag("reset_fails") is null && Flag("insert_media_fails") is null && Flag("credentials_rejected") is null && Flag("firmware_update_fails") is null)
        {
            return;
        }

        var system = Redfish.GetSystem(step.Node!);
        system.ResetFails = Flag("reset_fails") ?? system.ResetFails;
        system.InsertMediaFails = Flag("insert_media_fails") ?? system.InsertMediaFails;
        system.CredentialsRejected = Flag("credentials_rejected") ?? system.CredentialsRejected;
        system.FirmwareUpdateFails = Flag("firmware_update_fails") ?? system.FirmwareUpdateFails;
    }

    /// <summary>
    /// The node's agent heartbeats, as the oracle's agent does: it looks itself up first when the
    /// node holds no token (a refused lookup is the step's answer), else it knows the token; an agent
    /// whose token virtual media pregenerated still looks itself up once after each boot.
    /// </summary>
    private void Heartbeat(ScenarioStep step)
    {
        var fields = step.Fields;
        var name = step.Node!;
        var token = fields.TryGetProperty("agent_token", out var given) ? given.GetString() : AgentToken(name);
        var version = fields.TryGetProperty("agent_version", out var v) ? v.GetString() : DefaultAgentVersion;
        Conductor.Heartbeat(name, Conductor.GetMachine(name).AgentCallbackUrl, version, token);
    }

    private string AgentToken(string name)
    {
        var boot = Conductor.GetMachine(name).AgentGeneration;
        var token = Conductor.GetAgentToken(name);
        if (token is null)
        {
            token = Conductor.Lookup(name);
            lookedUpInBoot[name] = boot;
        }
        else if (Conductor.IsAgentTokenPregenerated(name) && lookedUpInBoot.GetValueOrDefault(name, -1) != boot)
        {
            Conductor.Lookup(name);
            lookedUpInBoot[name] = boot;
        }

        return token;
    }

    /// <summary>The node fields the scenario format prints, in its order.</summary>
    private static JsonObject View(NodeView node) => new()
    {
        ["name"] = node.Name,
        ["provision_state"] = node.ProvisionState.ToIronicName(),
        ["target_provision_state"] = node.TargetProvisionState?.ToIronicName(),
        ["power_state"] = node.PowerState?.ToIronicName(),
        ["target_power_state"] = node.TargetPowerState?.ToIronicName(),
        ["maintenance"] = node.Maintenance,
        ["maintenance_reason"] = node.MaintenanceReason,
        ["fault"] = node.Fault?.ToIronicName(),
        ["last_error"] = node.LastError,
        ["clean_step"] = node.CleanStep is { } step ? new JsonObject { ["interface"] = step.Interface, ["step"] = step.Step } : null,
        ["reservation"] = node.Reservation,
    };
}
