using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Drivers;
using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic's node vendor passthru RPCs (<c>get_node_vendor_passthru_methods</c>,
/// <c>vendor_passthru</c>): fake-hardware's fake vendor interface, and <c>no-vendor</c>
/// (every other type here), whose routes are empty. An asynchronous method's worker runs at once;
/// its failure is only logged by Ironic, so it changes nothing.
/// </summary>
internal sealed class VendorPassthru(ConductorContext context)
{
    /// <summary>The node's vendor methods, under a shared lock.</summary>
    public ImmutableArray<VendorPassthruMethod> Methods(Node node) =>
        node.Interfaces.Driver == FakeHardware.Name ? FakeVendor.Methods(context.Profile.FakeVendorCleanStep) : [];

    /// <summary>
    /// The route's checks (a known method, its HTTP method), the exclusive lock when the method
    /// takes it, the interface's validation, then the method: in the request when synchronous,
    /// else in its worker.
    /// </summary>
    public VendorPassthruResult Call(Node node, string method, string httpMethod, JsonElement args)
    {
        var route = Methods(node).FirstOrDefault(m => m.Name == method)
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

        FakeVendor.Validate(method, args);
        if (!route.Async)
        {
            return new VendorPassthruResult(FakeVendor.Call(method, args), Async: false, route.Attach);
        }

        try
        {
            FakeVendor.Call(method, args);
        }
        catch (VendorPassthruException)
        {
            // The worker's failure is logged by Ironic, nothing more.
        }

        return new VendorPassthruResult(null, Async: true, route.Attach);
    }
}
