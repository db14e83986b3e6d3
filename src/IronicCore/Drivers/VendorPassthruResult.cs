using System.Text.Json;

namespace IronicCore.Drivers;

/// <summary>What a vendor passthru call answered (Ironic's <c>vendor_passthru</c> RPC result).</summary>
/// <param name="Return">The method's return value; null for an asynchronous method (its worker's result is not returned).</param>
/// <param name="Async">Whether the method runs asynchronously (the API answers 202).</param>
/// <param name="Attach">Whether the return value is sent as the raw body.</param>
public sealed record VendorPassthruResult(JsonElement? Return, bool Async, bool Attach);
