using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Versioning;
using IronicCore.Conductor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.States;

/// <summary>Interface validation and the boot device, as fake-hardware answers them.</summary>
internal static class ManagementEndpoints
{
    // Fake management supports PXE only; the other names are Ironic's boot devices, refused here.
    private static readonly string[] SupportedBootDevices = ["pxe"];
    private static readonly string[] BootDevices = ["pxe", "disk", "cdrom", "bios", "safe", "wanboot", "iscsiboot", "floppy"];
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
        var node = await loop.Run(s => NodeIdent.Find(s, ident, version)).ConfigureAwait(false);
        var answer = new JsonObject();
        foreach (var name in ValidatedInterfaces)
        {
            answer[name] = name == "rescue" && node.RescueInterface == "no-rescue"
                ? new JsonObject { ["result"] = false, ["reason"] = "not supported" }
                : new JsonObject { ["result"] = true };
        }

        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task GetBootDevice(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.Version();
        var answer = await loop.Run(s =>
        {
            var record = s.RecordOf(NodeIdent.Find(s, ident, version));
            return new JsonObject { ["boot_device"] = record.BootDevice, ["persistent"] = record.BootDevicePersistent };
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task SetBootDevice(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "boot_device").ConfigureAwait(false);
        RequestBody.AllowOnly(body, "boot_device", "persistent");
        var device = RequestBody.String(body, "boot_device") ?? throw ApiFault.BadRequest("Missing mandatory parameter: boot_device");
        var persistent = IronicBool.Parse("persistent", body["persistent"]) ?? false;
        var version = context.Version();
        await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version);
            if (node.Reservation is { } host)
            {
                throw new NodeLockedException(node.Uuid, host);
            }

            if (!SupportedBootDevices.Contains(device))
            {
                throw new InvalidParameterValueException(
                    BootDevices.Contains(device)
                        ? $"Boot device {device} is not supported by the fake management interface of node {node.Uuid}."
                        : $"Invalid boot device {device} specified.");
            }

            var record = s.RecordOf(node);
            record.BootDevice = device;
            record.BootDevicePersistent = persistent;
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    private static async Task SupportedBootDevice(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.Version();
        await loop.Run(s => NodeIdent.Find(s, ident, version)).ConfigureAwait(false);
        await Respond.Json(context, new JsonObject { ["supported_boot_devices"] = new JsonArray([.. SupportedBootDevices.Select(d => (JsonNode)d)]) }).ConfigureAwait(false);
    }
}
