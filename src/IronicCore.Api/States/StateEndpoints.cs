using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Patch;
using IronicCore.Api.Versioning;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.States;

/// <summary>A node's states and actions: provision and power requests, maintenance, the states summary.</summary>
internal static class StateEndpoints
{
    private static readonly string[] ProvisionFields =
        ["target", "configdrive", "clean_steps", "deploy_steps", "rescue_password", "disable_ramdisk", "service_steps"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/nodes/{ident}/states", States);
        routes.MapPut("/v1/nodes/{ident}/states/provision", Provision);
        routes.MapPut("/v1/nodes/{ident}/states/power", Power);
        routes.MapPut("/v1/nodes/{ident}/maintenance", SetMaintenance);
        routes.MapDelete("/v1/nodes/{ident}/maintenance", ClearMaintenance);
    }

    private static async Task States(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.Version();
        var fields = new List<string>
        {
            "console_enabled", "last_error", "power_state", "provision_state", "provision_updated_at",
            "target_power_state", "target_provision_state",
        };
        if (version.Allows(12))
        {
            fields.AddRange(["raid_config", "target_raid_config"]);
        }

        if (version.Allows(75))
        {
            fields.AddRange(["boot_mode", "secure_boot"]);
        }

        var states = await loop.Run(s => NodeRenderer.Render(NodeIdent.Snapshot(s, NodeIdent.Find(s, ident, version)), version, string.Empty, fields)).ConfigureAwait(false);
        states.Remove("links");
        await Respond.Json(context, states).ConfigureAwait(false);
    }

    private static async Task Provision(HttpContext context, ConductorLoop loop, ApiVersions versions, string ident)
    {
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "provision").ConfigureAwait(false);
        RequestBody.AllowOnly(body, versions.ProvisionTakesRunbook ? [.. ProvisionFields, "runbook"] : ProvisionFields);

        // Ironic's validators, in the order of the controller's parameters, before its body.
        IronicArgs.UuidOrName("node_ident", ident);
        var target = IronicArgs.RequiredString(body, "target");
        IronicArgs.Types(body, "configdrive", "<class 'NoneType'>, <class 'dict'>, <class 'str'>", JsonValueKind.Object, JsonValueKind.String);
        IronicArgs.Types(body, "clean_steps", "<class 'NoneType'>, <class 'list'>", JsonValueKind.Array);
        IronicArgs.Types(body, "deploy_steps", "<class 'NoneType'>, <class 'list'>", JsonValueKind.Array);
        IronicArgs.String(body, "rescue_password");
        if (IronicArgs.Boolean(body, "disable_ramdisk") is { } disable)
        {
            body["disable_ramdisk"] = disable;
        }

        IronicArgs.Types(body, "service_steps", "<class 'NoneType'>, <class 'list'>", JsonValueKind.Array);
        IronicArgs.Types(body, "runbook", "<class 'NoneType'>, <class 'str'>", JsonValueKind.String);
        var runbook = IronicArgs.String(body, "runbook") is { Length: > 0 } name ? name : null;
        body.Remove("runbook");

        var version = context.Version();
        ProvisionVerbs.EnsureAllowed(target, version);
        CheckFieldVersions(body, target, version);
        var fields = JsonSerializer.SerializeToElement(body);
        await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version);
            var request = ProvisionRequest.FromJson(fields, s.Conductor.Release) with
            {
                Runbook = runbook,
                ApiVersion = new Version(version.Major, version.Minor),
            };
            s.Conductor.SetProvisionState(node.Uuid, target, request);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status202Accepted, $"{Links.BaseUrl(context)}/v1/nodes/{ident}/states").ConfigureAwait(false);
    }

    /// <summary>Body fields newer than the request's version are not acceptable.</summary>
    private static void CheckFieldVersions(JsonObject body, string target, ApiVersion version)
    {
        var tooNew = (body.ContainsKey("deploy_steps") && !version.Allows(69))
            || (body.ContainsKey("disable_ramdisk") && !version.Allows(70))
            || (body["configdrive"] is JsonObject && !version.Allows(56))
            || (body.ContainsKey("configdrive") && target == "rebuild" && !version.Allows(35));
        if (tooNew)
        {
            throw ApiFault.NotAcceptable();
        }

        if (body.ContainsKey("configdrive") && target is not ("active" or "deploy" or "rebuild"))
        {
            throw ApiFault.BadRequest("Adding a config drive is only supported when setting provision state to active");
        }
    }

    private static async Task Power(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "power").ConfigureAwait(false);
        RequestBody.AllowOnly(body, "target", "timeout");
        IronicArgs.UuidOrName("node_ident", ident);
        var target = IronicArgs.RequiredString(body, "target");
        var seconds = IronicArgs.Integer(body, "timeout");

        // A timeout of 0 is no timeout to Ironic's version check, and then not positive.
        var version = context.Version();
        if ((target is "soft rebooting" or "soft power off" || seconds is not (null or 0)) && !version.Allows(27))
        {
            throw ApiFault.NotAcceptable();
        }

        TimeSpan? timeout = seconds is { } value ? TimeSpan.FromSeconds(value) : null;

        await loop.Run(s =>
        {
            // Found first for the API's own checks (names by microversion); the refusals name
            // the node as the request did.
            NodeIdent.Find(s, ident, version);
            s.Conductor.SetPowerState(ident, target, timeout);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status202Accepted, $"{Links.BaseUrl(context)}/v1/nodes/{ident}/states").ConfigureAwait(false);
    }

    private static async Task SetMaintenance(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context, "reason");
        var body = await RequestBody.ReadObjectAsync(context, "maintenance").ConfigureAwait(false);
        RequestBody.AllowOnly(body, "reason");
        IronicArgs.UuidOrName("node_ident", ident);
        var reason = IronicArgs.String(body, "reason") ?? context.Request.Query["reason"].FirstOrDefault();
        var version = context.Version();
        await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version);
            s.Conductor.SetMaintenance(node.Uuid, reason);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status202Accepted).ConfigureAwait(false);
    }

    private static async Task ClearMaintenance(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        IronicArgs.UuidOrName("node_ident", ident);
        var version = context.Version();
        await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version);
            s.Conductor.ClearMaintenance(node.Uuid);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status202Accepted).ConfigureAwait(false);
    }
}
