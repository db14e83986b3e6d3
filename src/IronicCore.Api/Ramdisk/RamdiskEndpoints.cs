using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Ports;
using IronicCore.Api.Versioning;
using IronicCore.Configuration;
using IronicCore.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Ramdisk;

/// <summary>The ramdisk agent's side (<c>ironic/api/controllers/v1/ramdisk.py</c>): lookup and heartbeat, from 1.22.</summary>
internal static class RamdiskEndpoints
{
    private const int Since = 22;
    private static readonly string[] AgentStatuses = ["start", "end", "error"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/lookup", Lookup).WithMetadata(Durability.ChangesStateOnRead.Instance);
        routes.MapPost("/v1/heartbeat/{ident}", Heartbeat);
    }

    private static async Task Lookup(HttpContext context, ConductorLoop loop)
    {
        var version = EnsureServed(context, loop);
        var query = new QueryArgs(context, "addresses", "node_uuid");
        var macs = (query.List("addresses") ?? []).Where(PortWrites.IsMac).Select(m => m.ToLowerInvariant()).ToList();
        var nodeUuid = query["node_uuid"];
        if (nodeUuid is not null && !Guid.TryParse(nodeUuid, out _))
        {
            throw ApiFault.BadRequest($"Expected UUID for node_uuid: {nodeUuid}");
        }

        if (macs.Count == 0 && nodeUuid is null)
        {
            throw ApiFault.BadRequest("At least one of 'addresses' and 'node_uuid' parameters is required");
        }

        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            try
            {
                var uuid = nodeUuid ?? macs.Select(s.Conductor.FindPortByAddress).FirstOrDefault(p => p is not null)?.NodeUuid
                    ?? throw new NodeNotFoundException(string.Join(",", macs));
                var token = s.Conductor.Lookup(uuid);
                var node = NodeIdent.Snapshot(s, s.Conductor.GetNode(uuid));
                return Answer(node, token, version, baseUrl, s.Conductor.Options.Api.RamdiskHeartbeatTimeout);
            }
            catch (IronicException error) when (error.HttpStatus == StatusCodes.Status404NotFound)
            {
                // Lookup never says why: a missing node and a wrong state look the same.
                throw new NotFoundException("Resource could not be found.");
            }
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static JsonObject Answer(NodeSnapshot node, string token, ApiVersion version, string baseUrl, TimeSpan heartbeatTimeout)
    {
        var internalInfo = new JsonObject();
        if (version.Allows(62))
        {
            internalInfo["agent_secret_token"] = Secrets.Masked;
        }

        var shown = NodeRenderer.Render(node, version, baseUrl, ["uuid", "properties", "instance_info", "driver_internal_info"]);
        shown["driver_internal_info"] = internalInfo;
        var config = new JsonObject
        {
            ["metrics"] = new JsonObject
            {
                ["backend"] = "noop", ["prepend_host"] = false, ["prepend_uuid"] = false,
                ["prepend_host_reverse"] = true, ["global_prefix"] = null,
            },
            ["metrics_statsd"] = new JsonObject { ["statsd_host"] = "localhost", ["statsd_port"] = 8125 },
            ["heartbeat_timeout"] = (int)heartbeatTimeout.TotalSeconds,
            ["agent_token"] = token,
            ["agent_token_required"] = true,
            ["disable_deep_image_inspection"] = false,
            ["permitted_image_formats"] = new JsonArray("raw", "qcow2", "iso"),
            ["enable_bios_bootloader_install"] = true,
        };
        return new JsonObject { ["node"] = shown, ["config"] = config };
    }

    private static async Task Heartbeat(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "heartbeat").ConfigureAwait(false);
        RequestBody.AllowOnly(body, "callback_url", "agent_token", "agent_version", "agent_verify_ca", "agent_status", "agent_status_message");
        IronicArgs.UuidOrName("node_ident", ident);
        var callbackUrl = IronicArgs.RequiredString(body, "callback_url");
        var agentVersion = IronicArgs.String(body, "agent_version");
        var agentToken = IronicArgs.String(body, "agent_token");
        var verifyCa = IronicArgs.String(body, "agent_verify_ca");
        var agentStatus = IronicArgs.String(body, "agent_status");
        var statusMessage = IronicArgs.String(body, "agent_status_message");
        var version = EnsureServed(context, loop);
        if (!string.IsNullOrEmpty(agentVersion) && !version.Allows(36))
        {
            throw new InvalidParameterValueException("Field \"agent_version\" not recognised");
        }

        if (!(string.IsNullOrEmpty(agentStatus) && string.IsNullOrEmpty(statusMessage)) && !version.Allows(72))
        {
            throw new InvalidParameterValueException("Fields \"agent_status\" and \"agent_status_message\" not recognised.");
        }

        if (verifyCa is not null && !version.Allows(68))
        {
            throw new InvalidParameterValueException("Field \"agent_verify_ca\" not recognised in this version");
        }

        if (callbackUrl.Length > 0 && !(Uri.TryCreate(callbackUrl, UriKind.Absolute, out var url) && url.Scheme.Contains("http", StringComparison.Ordinal)))
        {
            throw new InvalidParameterValueException($"An issue with the callback URL {callbackUrl}: it must use http or https");
        }

        if (agentStatus is { } status && !AgentStatuses.Contains(status))
        {
            throw new InvalidParameterValueException($"Agent status is invalid. Valid states are {string.Join(",", AgentStatuses)}.");
        }

        var token = agentToken ?? throw new InvalidParameterValueException("Agent token is required for heartbeat processing.");
        var stripped = JsonSuffix.WasStripped(context);
        await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version, stripped);
            s.Conductor.Heartbeat(node.Uuid, callbackUrl, agentVersion, token);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status202Accepted).ConfigureAwait(false);
    }

    /// <summary>Below 1.22 the endpoints do not exist; <c>[api] enable_ramdisk_endpoints</c> can turn them off (403).</summary>
    private static ApiVersion EnsureServed(HttpContext context, ConductorLoop loop)
    {
        var version = context.RequireEndpoint(Since);
        if (!loop.Options.Api.EnableRamdiskEndpoints)
        {
            throw new ApiFault(StatusCodes.Status403Forbidden, "Access was denied to the following resource: ramdisk endpoints");
        }

        return version;
    }
}
