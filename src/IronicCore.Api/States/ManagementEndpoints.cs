using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Versioning;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.States;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.States;

/// <summary>Interface validation, and the boot device as the node's management interface answers it.</summary>
internal static class ManagementEndpoints
{
    private static readonly string[] ValidatedInterfaces = ["boot", "deploy", "management", "network", "power", "bios", "console", "inspect", "raid", "rescue", "storage"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/nodes/{ident}/validate", Validate);
        routes.MapGet("/v1/nodes/{ident}/management/boot_device", GetBootDevice);
        routes.MapPut("/v1/nodes/{ident}/management/boot_device", SetBootDevice);
        routes.MapGet("/v1/nodes/{ident}/management/boot_device/supported", SupportedBootDevice);
    }

    private static async Task Validate(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.Version();
        var answer = await loop.Run(s =>
        {
            var node = NodeIdent.Snapshot(s, NodeIdent.Find(s, ident, version));
            var results = new JsonObject();
            foreach (var name in ValidatedInterfaces)
            {
                var reason = Validation(s, node, name);
                results[name] = reason is null ? new JsonObject { ["result"] = true } : new JsonObject { ["result"] = false, ["reason"] = reason };
            }

            return results;
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    /// <summary>
    /// One interface's validation: Ironic's <c>no-*</c> implementations fail as unsupported; the
    /// boot, management and power interfaces check <c>driver_info</c> in the conductor, the deploy
    /// interface the instance traits and deploy templates; the rest
    /// (fake ones, <c>direct</c> deploy, <c>flat</c> network, <c>noop</c> storage, <c>agent</c>
    /// rescue) need nothing the simulation lacks.
    /// </summary>
    private static string? Validation(SimulationState simulation, NodeSnapshot node, string interfaceType)
    {
        var implementation = NodeFields.ByName[$"{interfaceType}_interface"].Render(node, string.Empty)!.GetValue<string>();
        if (implementation.StartsWith("no-", StringComparison.Ordinal))
        {
            return new UnsupportedDriverExtensionException(node.View.Driver, interfaceType).Message;
        }

        return interfaceType is "boot" or "deploy" or "management" or "power" ? simulation.Conductor.ValidateInterface(node.View.Uuid, interfaceType) : null;
    }

    private static async Task GetBootDevice(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.Version();
        var setting = await loop.Run(s => s.Conductor.GetBootDevice(NodeIdent.Find(s, ident, version).Uuid)).ConfigureAwait(false);
        await Respond.Json(context, new JsonObject { ["boot_device"] = setting.Device?.ToIronicName(), ["persistent"] = setting.Persistent }).ConfigureAwait(false);
    }

    private static async Task SetBootDevice(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "boot_device").ConfigureAwait(false);
        RequestBody.AllowOnly(body, "boot_device", "persistent");
        IronicArgs.UuidOrName("node_ident", ident);
        var device = IronicArgs.RequiredString(body, "boot_device");
        var persistent = IronicArgs.Boolean(body, "persistent") ?? false;
        var version = context.Version();
        await loop.Run(s =>
        {
            s.Conductor.SetBootDevice(NodeIdent.Find(s, ident, version).Uuid, device, persistent);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    private static async Task SupportedBootDevice(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.Version();
        var devices = await loop.Run(s => s.Conductor.GetSupportedBootDevices(NodeIdent.Find(s, ident, version).Uuid)).ConfigureAwait(false);
        await Respond.Json(context, new JsonObject { ["supported_boot_devices"] = new JsonArray([.. devices.Select(d => (JsonNode)d.ToIronicName())]) }).ConfigureAwait(false);
    }
}
