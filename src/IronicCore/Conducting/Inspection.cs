using System.Text.Json;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// Inspection (Ironic's <c>conductor/inspection.py</c>): the fake inspect interface finishes at
/// once; an out-of-band one (a hardware type's <see cref="IInspectInterface"/>, e.g. redfish) reads
/// the BMC in the worker, then the node's properties are set and a port created per new MAC;
/// <c>no-inspect</c>, the interface of a type without one, refuses the request.
/// </summary>
internal sealed class Inspection(ConductorContext context)
{
    /// <summary>The inspect interface that refuses everything (Ironic's <c>noop.NoInspect</c>).</summary>
    public const string NoInspect = "no-inspect";

    /// <summary>
    /// Ironic's <c>inspect_hardware</c> request side: the lock, then the power and the inspect
    /// interfaces validated (<c>no-inspect</c> answers <c>UnsupportedDriverExtension</c>, 400,
    /// before the state moves); then the worker.
    /// </summary>
    public void Start(Node node)
    {
        context.Tasks.EnsureUnlocked(node);
        var task = context.Nodes.TaskOf(node);
        task.Driver.Power.Validate(task);
        if (task.Driver.InspectInterface == NoInspect)
        {
            throw new UnsupportedDriverExtensionException(node.Interfaces.Driver, "inspect");
        }

        task.Driver.Inspect?.Validate(task);
        context.Tasks.FireRequested(node, ProvisionEvent.Inspect, "inspect", worker: Worker.Inspect);
    }

    /// <summary>
    /// Ironic's <c>inspect_hardware</c>: the agent's token and URL wiped (inspection cannot start
    /// fast-tracked), the interface run; the node is <c>manageable</c> once its findings are stored,
    /// <c>inspect failed</c> with the interface's error otherwise.
    /// </summary>
    public void DoNodeInspect(Node node)
    {
        var task = context.Nodes.TaskOf(node);
        if (task.Driver.Inspect is not { } inspect)
        {
            context.Tasks.Fire(node, ProvisionEvent.Done);
            return;
        }

        node.AgentToken = null;
        node.AgentUrl = null;
        InspectedHardware found;
        try
        {
            found = inspect.InspectHardware(task);
        }
        catch (IronicException error)
        {
            Failed(node, task, error.Message);
            return;
        }

        node.Details = node.Details with { Properties = Merged(node.Details.Properties, found.Properties), Inventory = found.Inventory ?? node.Details.Inventory };
        CreatePortsIfNotExist(node, found);
        context.Tasks.Fire(node, ProvisionEvent.Done);
    }

    /// <summary>
    /// The failure handler: the error recorded (<c>last_error</c>), then <c>fail</c>. Master's
    /// <c>inspecting_error_handler</c> first cleans up the ramdisk's boot (an interface without
    /// <c>abort</c>, as redfish's), whose own failure only Ironic's log sees.
    /// </summary>
    private void Failed(Node node, DriverTask task, string error)
    {
        context.History.Record(node, error, "introspection");
        if (context.Profile.InspectionFailureCleansUpBoot)
        {
            try
            {
                task.Driver.Boot.CleanUpRamdisk(task);
            }
            catch (IronicException)
            {
                // Ironic adds it to the message it logs, after last_error was written.
            }
        }

        context.Tasks.Fire(node, ProvisionEvent.Fail);
    }

    /// <summary>Ironic's <c>inspect_utils.create_ports_if_not_exist</c>: a port per MAC no port has (MACAlreadyExists is only logged).</summary>
    private void CreatePortsIfNotExist(Node node, InspectedHardware found)
    {
        var network = context.Network;
        foreach (var mac in found.Macs)
        {
            if (network.Ports.ByAddress(mac) is null)
            {
                network.PortCalls.Create(new PortRequest { Node = node.Uuid, Address = mac }, context.Random.NewUuid().ToString());
            }
        }
    }

    private static JsonElement Merged(JsonElement current, JsonElement found)
    {
        var merged = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (current.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in current.EnumerateObject())
            {
                merged[property.Name] = property.Value;
            }
        }

        foreach (var property in found.EnumerateObject())
        {
            merged[property.Name] = property.Value;
        }

        return JsonSerializer.SerializeToElement(merged);
    }
}
