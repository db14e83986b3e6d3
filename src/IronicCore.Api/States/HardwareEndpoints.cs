using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.States;

/// <summary>
/// A node's console, NMI, boot mode, secure boot and target RAID configuration (Ironic's
/// <c>NodeConsoleController</c>, <c>InjectNmiController</c> and the <c>boot_mode</c>, <c>secure_boot</c>
/// and <c>raid</c> actions of
/// <c>NodeStatesController</c>): the arguments and version gates of Ironic's controllers, then the conductor.
/// </summary>
internal static class HardwareEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/nodes/{ident}/states/console", GetConsole);
        routes.MapPut("/v1/nodes/{ident}/states/console", SetConsole);
        routes.MapPut("/v1/nodes/{ident}/management/inject_nmi", InjectNmi);
        routes.MapPut("/v1/nodes/{ident}/states/boot_mode", SetBootMode);
        routes.MapPut("/v1/nodes/{ident}/states/secure_boot", SetSecureBoot);
        routes.MapPut("/v1/nodes/{ident}/states/raid", SetRaid);
    }

    private static async Task GetConsole(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        IronicArgs.UuidOrName("node_ident", ident);
        var version = context.Version();
        var info = await loop.Run(s => s.Conductor.GetConsoleInformation(NodeIdent.Find(s, ident, version).Uuid)).ConfigureAwait(false);
        await Respond.Json(context, new JsonObject
        {
            ["console_enabled"] = info is not null,
            ["console_info"] = info is { } element ? JsonElements.ToObject(element) : null,
        }).ConfigureAwait(false);
    }

    private static async Task SetConsole(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "console").ConfigureAwait(false);
        RequestBody.AllowOnly(body, "enabled");
        IronicArgs.UuidOrName("node_ident", ident);
        // Ironic would pass a null through and store it as console_enabled; refused here as absent.
        var enabled = IronicArgs.Boolean(body, "enabled") ?? throw ApiFault.BadRequest("Missing mandatory parameter: enabled");
        var version = context.Version();
        await loop.Run(s =>
        {
            s.Conductor.SetConsoleMode(NodeIdent.Find(s, ident, version).Uuid, enabled);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status202Accepted, $"{Links.BaseUrl(context)}/v1/nodes/{ident}/states/console").ConfigureAwait(false);
    }

    /// <summary>1.29; below it Ironic's controller answers a bare <c>NotFound</c> before looking the node up.</summary>
    private static async Task InjectNmi(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "inject_nmi").ConfigureAwait(false);
        RequestBody.AllowOnly(body);
        IronicArgs.UuidOrName("node_ident", ident);
        var version = context.Version();
        if (!version.Allows(29))
        {
            throw new NotFoundException("Resource could not be found.");
        }

        await loop.Run(s =>
        {
            s.Conductor.InjectNmi(NodeIdent.Find(s, ident, version).Uuid);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    private static async Task SetBootMode(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "boot_mode").ConfigureAwait(false);
        RequestBody.AllowOnly(body, "target");
        IronicArgs.UuidOrName("node_ident", ident);

        // A null target passes Ironic's argument check and reaches the controller's as Python's None.
        var target = body.ContainsKey("target") ? IronicArgs.String(body, "target") ?? "None" : IronicArgs.RequiredString(body, "target");
        var version = context.Version();
        await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version);
            EnsureChangeBootModeVersion(version);
            s.Conductor.SetBootMode(node.Uuid, target);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status202Accepted, $"{Links.BaseUrl(context)}/v1/nodes/{ident}/states").ConfigureAwait(false);
    }

    private static async Task SetSecureBoot(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "secure_boot").ConfigureAwait(false);
        RequestBody.AllowOnly(body, "target");
        IronicArgs.UuidOrName("node_ident", ident);
        var target = body.ContainsKey("target") ? IronicArgs.Boolean(body, "target") : throw ApiFault.BadRequest("Missing mandatory parameter: target");
        var version = context.Version();
        await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version);
            EnsureChangeBootModeVersion(version);

            // Ironic's controller: a target that is neither true nor false (absent or null) is refused in these words.
            var state = target ?? throw new InvalidParameterValueException("Invalid secure_boot None requested for node. Allowed secure_boot states are: True, False) ");
            s.Conductor.SetSecureBoot(node.Uuid, state);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status202Accepted, $"{Links.BaseUrl(context)}/v1/nodes/{ident}/states").ConfigureAwait(false);
    }

    /// <summary>
    /// The whole body is the configuration (<c>args.types(dict)</c>); 406 below 1.12 once the node
    /// is found; the RAID interface's <c>UnsupportedDriverExtension</c> is re-coded 404, as
    /// Ironic's controller does; 204.
    /// </summary>
    private static async Task SetRaid(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        IronicArgs.UuidOrName("node_ident", ident);
        if (body is null)
        {
            throw ApiFault.BadRequest("Expected types <class 'dict'> for target_raid_config: None");
        }

        IronicArgs.Types(new JsonObject { ["target_raid_config"] = body.DeepClone() }, "target_raid_config", "<class 'dict'>", System.Text.Json.JsonValueKind.Object);
        var config = System.Text.Json.JsonSerializer.SerializeToElement(body, IronicJson.Options);
        var version = context.Version();
        await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version);
            if (!version.Allows(12))
            {
                throw ApiFault.NotAcceptable();
            }

            try
            {
                s.Conductor.SetTargetRaidConfig(node.Uuid, config);
            }
            catch (UnsupportedDriverExtensionException error)
            {
                throw new ApiFault(StatusCodes.Status404NotFound, error.Message);
            }

            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    /// <summary>1.76; Ironic's controller checks it after finding the node.</summary>
    private static void EnsureChangeBootModeVersion(ApiVersion version)
    {
        if (!version.Allows(76))
        {
            throw new NotFoundException("This endpoint is supported starting with the API version 1.76");
        }
    }
}
