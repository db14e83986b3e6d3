using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Scenarios;

/// <summary>
/// Reads and checks a scenario file. Every problem is a <see cref="ScenarioException"/>:
/// unknown keys, ops, node names and options, values of the wrong type, and what this
/// version cannot simulate yet.
/// </summary>
internal static partial class ScenarioParser
{
    public const string Format = "ironic-sim/scenario@1";

    private static readonly HashSet<string> TopKeys = ["format", "ironic_release", "seed", "options", "nodes", "steps"];

    private static readonly HashSet<string> NodeKeys =
    [
        "name", "driver", "deploy_interface", "boot_interface", "power_interface", "management_interface",
        "rescue_interface", "provision_state", "power_state", "maintenance", "maintenance_reason", "fault",
        "automated_clean", "driver_info", "agent", "inspect_interface", "bios_interface",
    ];

    /// <summary>The <c>bmc</c> op's faults of a Redfish BMC, for redfish nodes only.</summary>
    private static readonly string[] RedfishFaults = ["reset_fails", "insert_media_fails", "credentials_rejected", "firmware_update_fails"];

    private static readonly Dictionary<string, (string[] Required, string[] Optional)> Ops = new()
    {
        ["provision"] = (["node", "target"], ["clean_steps", "deploy_steps", "service_steps", "disable_ramdisk", "rescue_password"]),
        ["power"] = (["node", "target"], ["timeout"]),
        ["maintenance"] = (["node", "set"], ["reason"]),
        ["heartbeat"] = (["node"], ["agent_version", "agent_token"]),
        ["agent_result"] = (["node", "status"], ["error"]),
        ["bmc"] = (["node", "reachable"], ["power_state", .. RedfishFaults]),
        ["advance"] = (["seconds"], []),
        ["conductor"] = (["set"], ["name"]),
    };

    /// <summary>What the next issues add; until then a file using them is refused, naming what is missing.</summary>
    private static readonly HashSet<string> OpsNotYetSimulated = ["conductor"];

    public static Scenario Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            // The reader's own words, less its advice to .NET programmers, at a 1-based line and column.
            var reason = error.Message.Split(" LineNumber:")[0].Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal);
            throw new ScenarioException("JSONDecodeError", $"line {error.LineNumber + 1}, column {error.BytePositionInLine + 1}: {reason}");
        }

        using (document)
        {
            return Parse(document.RootElement.Clone());
        }
    }

    private static Scenario Parse(JsonElement root)
    {
        Require(root.ValueKind == JsonValueKind.Object, "file", "a JSON object");
        var unknown = root.EnumerateObject().Select(p => p.Name).Where(n => !TopKeys.Contains(n)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ScenarioException("InvalidScenario", $"unknown top-level keys: {string.Join(", ", unknown)}");
        }

        if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
        {
            throw new ScenarioException("InvalidScenario", $"format must be \"{Format}\"");
        }

        var release = IronicRelease.Master;
        if (root.TryGetProperty("ironic_release", out var releaseName))
        {
            var releases = IronicNames.All<IronicRelease>().Select(n => $"\"{n}\"").ToArray();
            Require(releaseName.ValueKind == JsonValueKind.String && IronicNames.TryParse(releaseName.GetString(), out release),
                "ironic_release", $"{string.Join(", ", releases[..^1])} or {releases[^1]}");
        }

        ulong seed = 0;
        if (root.TryGetProperty("seed", out var seedValue))
        {
            Require(seedValue.ValueKind == JsonValueKind.Number && seedValue.TryGetUInt64(out seed), "seed", "a non-negative integer");
        }

        var options = ParseOptions(root, release);
        Require(root.TryGetProperty("nodes", out var nodesValue) && nodesValue.ValueKind == JsonValueKind.Array
            && nodesValue.GetArrayLength() > 0, "nodes", "a non-empty list");
        var machine = ProvisionStateMachine.For(release);
        var nodes = ImmutableArray.CreateBuilder<ScenarioNode>();
        foreach (var (node, index) in nodesValue.EnumerateArray().Select((n, i) => (n, i)))
        {
            var parsed = ParseNode(node, $"nodes[{index}]", machine, seed, index);
            if (nodes.Any(n => n.Name == parsed.Name))
            {
                throw new ScenarioException("InvalidScenario", $"duplicate node name \"{parsed.Name}\"");
            }

            nodes.Add(parsed);
        }

        Require(root.TryGetProperty("steps", out var stepsValue) && stepsValue.ValueKind == JsonValueKind.Array, "steps", "a list");
        var drivers = nodes.ToDictionary(n => n.Name, n => n.Request.Driver, StringComparer.Ordinal);
        var steps = ImmutableArray.CreateBuilder<ScenarioStep>();
        foreach (var (step, index) in stepsValue.EnumerateArray().Select((s, i) => (s, i)))
        {
            steps.Add(ParseStep(step, index, drivers));
        }

        return new Scenario(options, seed, nodes.ToImmutable(), steps.ToImmutable());
    }

    private static readonly KeyValuePair<string, JsonElement> OracleHttpUrl = new("deploy.http_url", JsonDocument.Parse("\"http://192.0.2.1:8080\"").RootElement.Clone());

    private static readonly KeyValuePair<string, JsonElement> OracleUseSwift = new("redfish.use_swift", JsonDocument.Parse("false").RootElement.Clone());

    private static ConductorOptions ParseOptions(JsonElement root, IronicRelease release)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("options", out var options))
        {
            Require(options.ValueKind == JsonValueKind.Object, "options", "an object");
            foreach (var option in options.EnumerateObject())
            {
                values[option.Name] = option.Value;
            }
        }

        // The oracle's configuration gives its conductor an HTTP server ([deploy] http_url), which
        // iPXE boot needs (pxe_base._validate_common); a file's own value wins.
        if (!values.ContainsKey(OracleHttpUrl.Key))
        {
            values[OracleHttpUrl.Key] = OracleHttpUrl.Value;
        }

        // The oracle publishes virtual media images on that server, not in Swift (21.4's default).
        if (!values.ContainsKey(OracleUseSwift.Key))
        {
            values[OracleUseSwift.Key] = OracleUseSwift.Value;
        }

        try
        {
            return ConductorOptions.FromNames(release, values, ScenarioRunner.DriverSections);
        }
        catch (InvalidParameterValueException error) when (error.Parameter == "option")
        {
            throw new ScenarioException("UnknownOption", error.Message);
        }
        catch (OptionNotSimulatedException error)
        {
            throw new ScenarioException("OptionNotSimulated", error.Message);
        }
        catch (IronicException error)
        {
            throw new ScenarioException("InvalidOptionValue", error.Message);
        }
    }

    private static ScenarioStep ParseStep(JsonElement step, int index, Dictionary<string, string> drivers)
    {
        var where = $"steps[{index}]";
        Require(step.ValueKind == JsonValueKind.Object, where, "an object");
        var op = step.TryGetProperty("op", out var opValue) && opValue.ValueKind == JsonValueKind.String ? opValue.GetString()! : null;
        if (op is null || !Ops.TryGetValue(op, out var fields))
        {
            throw new ScenarioException("UnknownOp", $"{where}: unknown op {(op is null ? "(none)" : $"\"{op}\"")}");
        }

        var given = step.EnumerateObject().Select(p => p.Name).Where(n => n is not ("op" or "comment")).ToHashSet(StringComparer.Ordinal);
        var missing = fields.Required.Where(f => !given.Contains(f)).ToList();
        if (missing.Count > 0)
        {
            throw new ScenarioException("InvalidScenario", $"{where} ({op}): missing {string.Join(", ", missing)}");
        }

        var extra = given.Where(f => !fields.Required.Contains(f) && !fields.Optional.Contains(f)).Order(StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
        {
            throw new ScenarioException("InvalidScenario", $"{where} ({op}): unknown fields {string.Join(", ", extra)}");
        }

        _ = String(step, "comment", where);
        var node = String(step, "node", where);
        if (node is not null && !drivers.ContainsKey(node))
        {
            throw new ScenarioException("UnknownNode", $"{where}: unknown node \"{node}\"");
        }

        CheckFieldTypes(op, step, where);
        if (op == "bmc" && drivers[node!] != "redfish" && RedfishFaults.Where(given.Contains).ToList() is { Count: > 0 } faults)
        {
            throw new ScenarioException("InvalidScenario", $"{where} (bmc): {string.Join(", ", faults)} apply to redfish nodes only");
        }
        if (OpsNotYetSimulated.Contains(op))
        {
            throw new ScenarioException("NotSupported",
                $"{where}: op \"{op}\" is not simulated in this version (several conductors come with the fleet)");
        }

        return new ScenarioStep(index + 1, op, node, step);
    }

    private static void CheckFieldTypes(string op, JsonElement step, string where)
    {
        switch (op)
        {
            case "provision":
                _ = String(step, "target", where);
                foreach (var list in new[] { "clean_steps", "deploy_steps", "service_steps" })
                {
                    if (step.TryGetProperty(list, out var steps))
                    {
                        Require(steps.ValueKind == JsonValueKind.Array && steps.EnumerateArray().All(s => s.ValueKind == JsonValueKind.Object),
                            $"{where}.{list}", "a list of objects");
                    }
                }

                _ = Bool(step, "disable_ramdisk", where);
                _ = String(step, "rescue_password", where);
                break;
            case "power":
                _ = String(step, "target", where);
                if (step.TryGetProperty("timeout", out var timeout))
                {
                    Require(timeout.ValueKind == JsonValueKind.Number && timeout.TryGetInt32(out _), $"{where}.timeout", "an integer");
                }

                break;
            case "heartbeat":
                _ = String(step, "agent_version", where);
                _ = String(step, "agent_token", where);
                break;
            case "agent_result":
                Require(String(step, "status", where) is "SUCCEEDED" or "FAILED" or "RUNNING", $"{where}.status", "SUCCEEDED, FAILED or RUNNING");
                _ = String(step, "error", where);
                break;
            case "maintenance":
                Require(Bool(step, "set", where) is not null, $"{where}.set", "a boolean");
                _ = String(step, "reason", where);
                break;
            case "bmc":
                Require(Bool(step, "reachable", where) is not null, $"{where}.reachable", "a boolean");
                if (String(step, "power_state", where) is { } power)
                {
                    Require(power is "power on" or "power off", $"{where}.power_state", "\"power on\" or \"power off\"");
                }

                foreach (var fault in RedfishFaults)
                {
                    _ = Bool(step, fault, where);
                }

                break;
            case "advance":
                Require(step.GetProperty("seconds").ValueKind == JsonValueKind.Number && step.GetProperty("seconds").GetDouble() >= 0,
                    $"{where}.seconds", "a number >= 0");
                break;
        }
    }

    private static string? String(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        Require(value.ValueKind == JsonValueKind.String, $"{where}.{name}", "a string");
        return value.GetString();
    }

    private static bool? Bool(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        Require(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{where}.{name}", "a boolean");
        return value.GetBoolean();
    }

    private static void Require(bool condition, string where, string expected)
    {
        if (!condition)
        {
            throw new ScenarioException("InvalidScenario", $"{where}: expected {expected}");
        }
    }
}
