using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.Api.Patch;
using IronicCore.Api.Ports;
using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Events;

/// <summary>
/// <c>POST /v1/events</c> (1.54): the network events Neutron sends (<c>network.bind_port</c>,
/// <c>network.unbind_port</c>, <c>network.delete_port</c>), checked by Ironic's <c>EVENTS_SCHEMA</c>
/// and its network event validator, then answered 204. Ironic only logs them, so nothing changes.
/// </summary>
internal static class EventEndpoints
{
    private const int Since = 54;

    private static readonly string[] Known = ["network.bind_port", "network.unbind_port", "network.delete_port"];

    private static readonly ObjectSchema NetworkEvent = new(
        [
            new("event", Since, ["string"]), new("port_id", Since, ["string"]), new("mac_address", Since, ["string"]), new("status", Since, ["string"]),
            new("device_id", Since, ["string", "null"]), new("binding:host_id", Since, ["string", "null"]), new("binding:vnic_type", Since, ["string", "null"]),
        ],
        [("event", _ => true), ("port_id", _ => true), ("mac_address", _ => true), ("status", _ => true)]);

    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost("/v1/events", Post);

    private static async Task Post(HttpContext context)
    {
        var version = context.RequireEndpoint(Since);
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "evts").ConfigureAwait(false);
        if (!body.ContainsKey("events"))
        {
            throw Error("'events' is a required property");
        }

        if (body.Select(p => p.Key).Where(k => k != "events").ToList() is { Count: > 0 } extra)
        {
            throw Error($"Additional properties are not allowed ({string.Join(", ", extra.Select(k => $"'{k}'"))} {(extra.Count == 1 ? "was" : "were")} unexpected)");
        }

        if (body["events"] is not JsonArray events)
        {
            throw Error($"{PythonRepr.Of(body["events"])} is not of type 'array'");
        }

        if (events.Count == 0)
        {
            throw Error("[] is too short");
        }

        foreach (var item in events)
        {
            if (item is not JsonObject evt)
            {
                throw Error($"{PythonRepr.Of(item)} is not of type 'object'");
            }

            if (!evt.ContainsKey("event"))
            {
                throw Error("'event' is a required property");
            }

            if (evt["event"] is not JsonValue name || !name.TryGetValue<string>(out var text))
            {
                throw Error($"{PythonRepr.Of(evt["event"])} is not of type 'string'");
            }

            if (!Known.Contains(text))
            {
                throw Error($"{PythonRepr.Of(evt["event"])} is not one of ['network.bind_port', 'network.unbind_port', 'network.delete_port']");
            }
        }

        foreach (var evt in events.Cast<JsonObject>())
        {
            NetworkEvent.Check("evts", evt, version);
            Uuid(evt, "port_id");
            if (!PortWrites.IsMac(evt["mac_address"]!.GetValue<string>()))
            {
                throw ApiFault.BadRequest($"Expected valid MAC address for mac_address: {evt["mac_address"]!.GetValue<string>()}");
            }

            Uuid(evt, "device_id");
            Uuid(evt, "binding:host_id");
        }

        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    private static void Uuid(JsonObject evt, string name)
    {
        if (evt[name] is JsonValue value && value.TryGetValue<string>(out var text) && !Guid.TryParse(text, out _))
        {
            throw ApiFault.BadRequest($"Expected UUID for {name}: {text}");
        }
    }

    private static ApiFault Error(string message) => ApiFault.BadRequest($"Schema error for evts: {message}");
}
