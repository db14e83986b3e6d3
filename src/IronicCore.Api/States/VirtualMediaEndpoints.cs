using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Patch;
using IronicCore.Api.Versioning;
using IronicCore.States;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.States;

/// <summary>
/// Virtual media: attach and detach (1.89), checked as Ironic's API checks them (2025.1 takes http
/// and https images only, master also nfs, cifs and smb), then handed to the conductor: 204, the
/// redfish BMC's slot filled or emptied, or for other drivers the reason in <c>last_error</c>;
/// showing it (1.93) lists the BMC's devices (<c>media_types</c>, <c>inserted</c>, <c>image</c>), or the
/// management interface's refusal, 400, for every driver but redfish.
/// </summary>
internal static class VirtualMediaEndpoints
{
    private const int Since = 89;

    private const int GetSince = 93;

    /// <summary>Ironic's <c>VMEDIA_DEVICES</c>.</summary>
    private static readonly string[] Devices = ["disk", "cdrom", "floppy"];

    private static readonly string[] DownloadSources = ["http", "local", "swift"];

    /// <summary>Master's <c>VMEDIA_SUPPORTED_URL_SCHEMES</c>.</summary>
    private static readonly string[] UrlSchemes = ["http", "https", "nfs", "cifs", "smb"];

    /// <summary>What 2025.1's controller accepts.</summary>
    private static readonly string[] UrlSchemes2025_1 = ["http", "https"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/nodes/{ident}/vmedia", Show);
        routes.MapPost("/v1/nodes/{ident}/vmedia", Attach);
        routes.MapDelete("/v1/nodes/{ident}/vmedia", Detach);
    }

    private static async Task Show(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.RequireEndpoint(GetSince);
        var slots = await loop.Run(s => s.Conductor.GetVirtualMedia(NodeIdent.Find(s, ident, version).Uuid)).ConfigureAwait(false);
        var list = new JsonArray();
        foreach (var slot in slots)
        {
            list.Add(new JsonObject
            {
                ["media_types"] = new JsonArray([.. slot.MediaTypes.Select(t => (JsonNode)t)]),
                ["inserted"] = slot.Inserted,
                ["image"] = slot.Image,
            });
        }

        await Respond.Json(context, list).ConfigureAwait(false);
    }

    private static async Task Attach(HttpContext context, ConductorLoop loop, ApiVersions versions, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.RequireEndpoint(Since);
        var body = await RequestBody.ReadObjectAsync(context, "vmedia").ConfigureAwait(false);
        var device = Enum(body, "device_type", Devices);
        var url = Text(body, "image_url");
        var source = Enum(body, "image_download_source", DownloadSources) ?? "local";
        foreach (var required in new[] { "device_type", "image_url" })
        {
            if (!body.ContainsKey(required))
            {
                throw SchemaError($"'{required}' is a required property");
            }
        }

        if (body.Select(p => p.Key).FirstOrDefault(k => k is not ("device_type" or "image_url" or "image_download_source")) is { } extra)
        {
            throw SchemaError($"Additional properties are not allowed ('{extra}' was unexpected)");
        }

        var scheme = Scheme(url!);
        if (!(versions.Release == IronicRelease.Release2025_1 ? UrlSchemes2025_1 : UrlSchemes).Contains(scheme))
        {
            throw ApiFault.BadRequest($"Unsupported or missing URL scheme: {scheme}");
        }

        await loop.Run(s =>
        {
            s.Conductor.AttachVirtualMedia(NodeIdent.Find(s, ident, version).Uuid, device!, url!, source);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    private static async Task Detach(HttpContext context, ConductorLoop loop, string ident)
    {
        var query = new QueryArgs(context, "device_types");
        var version = context.RequireEndpoint(Since);
        var devices = query.List("device_types") is { Length: > 0 } list ? list : null;
        if (devices?.Where(d => !Devices.Contains(d)).ToArray() is { Length: > 0 } invalid)
        {
            throw ApiFault.BadRequest($"Invalid device type(s) {string.Join(", ", invalid)} (valid are {string.Join(", ", Devices)})");
        }

        await loop.Run(s =>
        {
            s.Conductor.DetachVirtualMedia(NodeIdent.Find(s, ident, version).Uuid, devices);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    private static string? Text(JsonObject body, string name) => body[name] switch
    {
        null when !body.ContainsKey(name) => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => throw SchemaError($"{PythonRepr.Of(other)} is not of type 'string'"),
    };

    private static string? Enum(JsonObject body, string name, string[] allowed) => Text(body, name) switch
    {
        null => null,
        var value when allowed.Contains(value) => value,
        var value => throw SchemaError($"'{value}' is not one of [{string.Join(", ", allowed.Select(a => $"'{a}'"))}]"),
    };

    /// <summary>Python's <c>urlparse(url).scheme</c>: the lower-cased letters before the first colon, when they form a scheme.</summary>
    private static string Scheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && char.IsAsciiLetter(url[0]) && url[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')
            ? url[..colon].ToLowerInvariant()
            : string.Empty;
    }

    private static ApiFault SchemaError(string message) => ApiFault.BadRequest($"Schema error for vmedia: {message}");
}
