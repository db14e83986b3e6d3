using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Cli.Commands.Scenario;

/// <summary>
/// Runs a checked scenario against a conductor and yields one output line per step: the
/// request's answer, then the node as the API would show it once the work that needs no
/// time has finished.
/// </summary>
internal sealed class ScenarioRunner
{
    private readonly Scenario scenario;
    private readonly Conductor conductor;

    public ScenarioRunner(Scenario scenario)
    {
        this.scenario = scenario;
        conductor = new Conductor(scenario.Options, seed: scenario.Seed);

        // The oracle's BMC answers at once and its PXE preparation does nothing: instant BMCs
        // and a pool that never runs dry keep every step's work within the step.
        var network = conductor.AddPxeNetwork();
        conductor.AddIpmiHardwareType(network.Boot, behaviour: BmcBehaviour.Instant);
        foreach (var node in scenario.Nodes)
        {
            conductor.CreateNode(node.Request);
        }
    }

    /// <summary>Runs every step and hands over the conductor as the scenario left it (for <c>serve --scenario</c>).</summary>
    public static Conductor RunToEnd(Scenario scenario)
    {
        var runner = new ScenarioRunner(scenario);
        foreach (var _ in runner.Run())
        {
        }

        return runner.conductor;
    }

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

            conductor.Clock.RunDue();
            if (step.Op == "advance")
            {
                line["nodes"] = new JsonArray([.. scenario.Nodes.Select(n => (JsonNode)View(conductor.GetNode(n.Name)))]);
            }
            else
            {
                line["node"] = View(conductor.GetNode(step.Node!));
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
                conductor.SetProvisionState(
                    step.Node!, fields.GetProperty("target").GetString()!, ProvisionRequest.FromJson(fields, conductor.Release));
                break;
            case "power":
                TimeSpan? timeout = fields.TryGetProperty("timeout", out var seconds) ? TimeSpan.FromSeconds(seconds.GetInt32()) : null;
                conductor.SetPowerState(step.Node!, fields.GetProperty("target").GetString()!, timeout);
                break;
            case "maintenance":
                if (fields.GetProperty("set").GetBoolean())
                {
                    conductor.SetMaintenance(step.Node!, fields.TryGetProperty("reason", out var reason) ? reason.GetString() : null);
                }
                else
                {
                    conductor.ClearMaintenance(step.Node!);
                }

                break;
            case "bmc":
                var machine = conductor.GetMachine(step.Node!);
                machine.Reachable = fields.GetProperty("reachable").GetBoolean();
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
                // The oracle's agent reports this text when a scenario fails a command without saying why.
                var error = fields.TryGetProperty("error", out var given) ? given.GetString() : "simulated clean step failure";
                conductor.SetAgentResult(step.Node!, status, error);
                break;
            case "advance":
                conductor.Clock.Advance(TimeSpan.FromSeconds(fields.GetProperty("seconds").GetDouble()));
                break;
            default:
                throw new InvalidOperationException($"Op {step.Op} passed the parser but has no runner.");
        }
    }

    /// <summary>
    /// The node's agent heartbeats, as the oracle's agent does: it looks itself up first when the
    /// node holds no token (a refused lookup is the step's answer), else it knows the token.
    /// </summary>
    private void Heartbeat(ScenarioStep step)
    {
        var fields = step.Fields;
        var name = step.Node!;
        var token = fields.TryGetProperty("agent_token", out var given) ? given.GetString() : conductor.AgentTokenOf(name) ?? conductor.Lookup(name);
        var version = fields.TryGetProperty("agent_version", out var v) ? v.GetString() : DefaultAgentVersion;
        conductor.Heartbeat(name, conductor.AgentCallbackUrlOf(name), version, token);
    }

    private const string DefaultAgentVersion = "9.4.0";

    /// <summary>The node fields the scenario format prints, in its order.</summary>
    public static JsonObject View(NodeView node) => new()
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
