using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Versioning;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Api.Nodes;

/// <summary><c>POST /v1/nodes</c>: Ironic's schema, version, name and host checks, all before the node exists.</summary>
internal static class NodeCreate
{
    public static NodeSnapshot Run(SimulationState simulation, JsonObject body, ApiVersion version)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in body)
        {
            if (!NodeFields.ByName.TryGetValue(key, out var field) || !field.OnCreate)
            {
                throw NodeSchema.Error($"Additional properties are not allowed ('{key}' was unexpected)");
            }

            values[key] = NodeSchema.Check(field, value);
        }

        if (!values.TryGetValue("driver", out var driverValue))
        {
            throw NodeSchema.Error("'driver' is a required property");
        }

        if (values.Keys.Any(key => !version.Allows(NodeFields.ByName[key].Since)))
        {
            throw ApiFault.NotAcceptable();
        }

        var name = Text(values, "name");
        if (name is not null)
        {
            NodeNameRules.Check(name, version, $"Cannot create node with invalid name '{name}'");
        }

        var driver = driverValue!.GetValue<string>();
        var group = Text(values, "conductor_group") ?? string.Empty;
        simulation.Drivers.EnsureServed(driver, group, simulation.Conductor.Options.ConductorGroup);
        foreach (var (field, value) in values.Where(v => v.Key.EndsWith("_interface", StringComparison.Ordinal) && v.Value is not null))
        {
            simulation.Drivers.EnsureSupported(driver, field[..^"_interface".Length], value!.GetValue<string>());
        }

        if (Text(values, "parent_node") is { } parent)
        {
            values["parent_node"] = ParentNodeLink.Resolve(simulation, parent, Text(values, "owner"), version);
        }

        var request = new NodeCreateRequest
        {
            Uuid = Text(values, "uuid"),
            Name = name,
            Driver = driver,
            DeployInterface = Text(values, "deploy_interface"),
            RescueInterface = Text(values, "rescue_interface"),
            ManagementInterface = Text(values, "management_interface"),
            BootInterface = Text(values, "boot_interface"),
            DriverInfo = NodeWrites.DriverInfo(values.GetValueOrDefault("driver_info") as JsonObject),
            AutomatedClean = values.GetValueOrDefault("automated_clean")?.GetValue<bool>(),
            ConductorGroup = group.ToLowerInvariant(),
            Maintenance = values.GetValueOrDefault("maintenance")?.GetValue<bool>() ?? false,
            // Before 1.11 nodes were born available.
            ProvisionState = version.Allows(11) ? ProvisionStateMachine.InitialState : ProvisionState.Available,
        };
        foreach (var (field, value) in values)
        {
            request = NodeWrites.ToCreate(request, field, value);
        }

        return NodeIdent.Snapshot(simulation, simulation.Conductor.CreateNode(request));
    }

    private static string? Text(Dictionary<string, JsonNode?> values, string field) => values.GetValueOrDefault(field)?.GetValue<string>();
}
