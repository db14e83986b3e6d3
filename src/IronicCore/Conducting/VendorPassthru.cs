using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Steps;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic's node vendor passthru RPCs (<c>get_node_vendor_passthru_methods</c>,
/// <c>vendor_passthru</c>) over the node's vendor interface (fake-hardware's <c>fake</c>, a type's
/// own such as ipmi's <c>ipmitool</c>), or <c>no-vendor</c>, whose routes are empty. As for the other
/// management calls (<see cref="Management"/>), the method runs when it is asked, its BMC time
/// charged to no worker; an asynchronous method's failure is only logged by Ironic, so it is
/// dropped here, and whatever it did before it failed stays done.
/// </summary>
internal sealed class VendorPassthru(ConductorContext context)
{
    /// <summary>The node's vendor methods, under a shared lock.</summary>
    public ImmutableArray<VendorPassthruMethod> Methods(Node node) => context.Nodes.DriverOf(node).Vendor?.Methods ?? [];

    /// <summary>
    /// The route's checks (a known method, its HTTP method), the exclusive lock when the method
    /// takes it, the interface's validation, then the method: in the request when synchronous,
    /// else in its worker.
    /// </summary>
    public VendorPassthruResult Call(Node node, string method, string httpMethod, JsonElement args)
    {
        var vendor = context.Nodes.DriverOf(node).Vendor;
        var route = vendor?.Methods.FirstOrDefault(m => m.Name == method)
            ?? throw new InvalidParameterValueException($"No handler for method {method}");
        var verb = httpMethod.ToUpperInvariant();
        if (!route.HttpMethods.Contains(verb))
        {
            throw new InvalidParameterValueException($"The method {method} does not support HTTP {verb}");
        }

        if (route.RequireExclusiveLock)
        {
            context.Tasks.EnsureUnlocked(node);
        }

        var task = context.Nodes.TaskOf(node);
        task.Begin();
        vendor!.Validate(task, method, args);
        if (!route.Async)
        {
            return new VendorPassthruResult(vendor.Invoke(task, method, verb, args), Async: false, route.Attach);
        }

        try
        {
            vendor.Invoke(task, method, verb, args);
        }
        catch (IronicException)
        {
            // The worker's failure is logged by Ironic, nothing more.
        }

        return new VendorPassthruResult(null, Async: true, route.Attach);
    }

    /// <summary>Runs one of the vendor interface's own steps: whether it was one, and its failure's text.</summary>
    public static (bool Ran, string? Failure) RunStep(DriverTask task, StepDefinition step, StepRequest? user)
    {
        if (step.Interface != "vendor" || task.Driver.Vendor is not { } vendor)
        {
            return (false, null);
        }

        try
        {
            vendor.ExecuteStep(task, step, user);
            return (true, null);
        }
        catch (IronicException error)
        {
            return (true, error.Message);
        }
    }
}
