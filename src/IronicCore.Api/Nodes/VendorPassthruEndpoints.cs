using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Nodes;

/// <summary>
/// A node's vendor passthru (Ironic's <c>NodeVendorPassthruController</c>): the methods the node's
/// vendor interface offers, and calls to them by <c>?method=</c> with any HTTP method.
/// </summary>
internal static class VendorPassthruEndpoints
{
    private static readonly string[] Verbs = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/nodes/{ident}/vendor_passthru/methods", Methods);
        routes.MapMethods("/v1/nodes/{ident}/vendor_passthru", Verbs, (HttpContext context, ConductorLoop loop, string ident) => Call(context, loop, ident, null));
        routes.MapMethods("/v1/nodes/{ident}/vendor_passthru/{method}", Verbs, Call);
    }

    private static async Task Methods(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        IronicArgs.UuidOrName("node_ident", ident);
        var version = context.Version();
        var methods = await loop.Run(s => s.Conductor.GetVendorPassthruMethods(NodeIdent.Find(s, ident, version).Uuid)).ConfigureAwait(false);
        var answer = new JsonObject();
        foreach (var method in methods)
        {
            answer[method.Name] = new JsonObject
            {
                ["http_methods"] = new JsonArray([.. method.HttpMethods.Select(m => (JsonNode)m)]),
                ["async"] = method.Async,
                ["description"] = method.Description,
                ["attach"] = method.Attach,
                ["require_exclusive_lock"] = method.RequireExclusiveLock,
            };
        }

        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    /// <summary>The method is named by the path's last segment (as the <c>baremetal</c> CLI sends it) or by <c>?method=</c>.</summary>
    private static async Task Call(HttpContext context, ConductorLoop loop, string ident, string? method)
    {
        var query = new QueryArgs(context, "method");
        var body = await RequestBody.ReadObjectAsync(context, "data").ConfigureAwait(false);
        IronicArgs.UuidOrName("node_ident", ident);
        method ??= query["method"] ?? throw ApiFault.BadRequest("Missing mandatory parameter: method");
        var version = context.Version();
        var args = JsonSerializer.SerializeToElement(body, IronicJson.Options);
        var result = await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version);
            if (method.Length == 0)
            {
                throw ApiFault.BadRequest("Method not specified");
            }

            return s.Conductor.VendorPassthru(node.Uuid, method, context.Request.Method, args);
        }).ConfigureAwait(false);
        if (result.Async)
        {
            await Respond.Empty(context, StatusCodes.Status202Accepted).ConfigureAwait(false);
            return;
        }

        await Respond.Json(context, result.Return is { } value ? JsonNode.Parse(value.GetRawText())! : JsonValue.Create((string?)null)!).ConfigureAwait(false);
    }
}
