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
        RequestBody.AllowOnly(body, versions.Release == IronicRelease.Release21_4 ? ProvisionFields : [.. ProvisionFields, "runbook"]);
        var version = context.Version();
        var target = RequestBody.String(body, "target") ?? throw ApiFault.BadRequest("Missing mandatory parameter: target");
        ProvisionVerbs.EnsureAllowed(target, version);
        CheckFieldVersions(body, target, version);
        if (body["disable_ramdisk"] is { } disable)
        {
            body["disable_ramdisk"] = IronicBool.Parse("disable_ramdisk", disable);
        }

        if (body["rescue_password"] is { } password && password.GetValueKind() != JsonValueKind.String)
        {
            throw ApiFault.BadRequest($"Invalid rescue_password: {password.ToJsonString()} is not of type 'string'");
        }

        var runbook = body["runbook"] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var name) => name.Length == 0 ? null : name,
            var other => throw ApiFault.BadRequest($"Expected types <class 'NoneType'>, <class 'str'> for runbook: {PythonRepr.Of(other)}"),
        };
        body.Remove("runbook");
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
        var version = context.Version();
        var target = RequestBody.String(body, "target") ?? throw ApiFault.BadRequest("Missing mandatory parameter: target");
        TimeSpan? timeout = null;
        if (body["timeout"] is { } seconds)
        {
            if (!version.Allows(27))
            {
                throw ApiFault.NotAcceptable();
            }

            timeout = seconds.GetValueKind() == JsonValueKind.Number && seconds.AsValue().TryGetValue<int>(out var value)
                ? TimeSpan.FromSeconds(value)
                : throw ApiFault.BadRequest($"Expected an integer for timeout: {seconds.ToJsonString()}");
        }

        if (target.StartsWith("soft ", StringComparison.Ordinal) && !version.Allows(27))
        {
            throw ApiFault.NotAcceptable();
        }

        await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version);
            s.Conductor.SetPowerState(node.Uuid, target, timeout);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status202Accepted, $"{Links.BaseUrl(context)}/v1/nodes/{ident}/states").ConfigureAwait(false);
    }

    private static async Task SetMaintenance(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context, "reason");
        var body = await RequestBody.ReadObjectAsync(context, "maintenance").ConfigureAwait(false);
        RequestBody.AllowOnly(body, "reason");
        var reason = RequestBody.String(body, "reason") ?? context.Request.Query["reason"].FirstOrDefault();
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
