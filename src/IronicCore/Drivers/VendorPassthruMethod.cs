using System.Collections.Immutable;

namespace IronicCore.Drivers;

/// <summary>
/// A vendor passthru method of a node's vendor interface, with the metadata Ironic's
/// <c>@passthru</c> decorator records and <c>GET /v1/nodes/{node}/vendor_passthru/methods</c> lists.
/// </summary>
/// <param name="Name">The method's name, as <c>?method=</c> names it.</param>
/// <param name="HttpMethods">The HTTP methods it answers, upper case.</param>
/// <param name="Async">Whether it runs in a worker (answered 202 with no body) rather than in the request (200 with its return value).</param>
/// <param name="Description">What it does.</param>
/// <param name="Attach">Whether its return value is sent as the raw body rather than as JSON.</param>
/// <param name="RequireExclusiveLock">Whether it takes the node's exclusive lock.</param>
public sealed record VendorPassthruMethod(
    string Name, ImmutableArray<string> HttpMethods, bool Async, string Description, bool Attach, bool RequireExclusiveLock);
