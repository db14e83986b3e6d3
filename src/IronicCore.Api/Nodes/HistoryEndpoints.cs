using System.Globalization;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using IronicCore.Nodes;
using IronicCore.States;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Nodes;

/// <summary>
/// A node's history (1.78): the entries the conductor recorded, listed (<c>detail</c>, paging,
/// sorting) or one by UUID. <c>project</c> is shown from 1.113, <c>state</c>,
/// <c>target_provision_state</c> and <c>duration_seconds</c> from 1.115 (master only).
/// </summary>
internal static class HistoryEndpoints
{
    private const int Since = 78;
    private const int ProjectSince = 113;
    private const int StateFieldsSince = 115;
    private static readonly string[] StandardFields = ["uuid", "created_at", "severity", "event"];
    private static readonly string[] DetailFields = ["uuid", "created_at", "severity", "event_type", "event", "conductor", "user", "project", "state", "target_provision_state", "duration_seconds"];
    private static readonly string[] DetailFields21_4 = ["uuid", "created_at", "severity", "event_type", "event", "conductor", "user"];
    private static readonly string[] SortKeys = [.. DetailFields, "id", "node_id", "updated_at"];
    private static readonly string[] SortKeys21_4 = [.. DetailFields21_4, "id", "node_id", "updated_at"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/nodes/{ident}/history", List);
        routes.MapGet("/v1/nodes/{ident}/history/{event}", Show);
    }

    private static async Task List(HttpContext context, ConductorLoop loop, ApiVersions versions, string ident)
    {
        var version = context.RequireEndpoint(Since);
        var sorts = versions.SortsHistory;

        // A release that does not sort history on request does not name the order in its next link either.
        var query = sorts
            ? new QueryArgs(context, "detail", "marker", "limit", "sort_key", "sort_dir")
            : new QueryArgs(context, "detail", "marker", "limit");
        var detail = query.Bool("detail") == true;
        var marker = query["marker"];
        if (marker is not null && !Guid.TryParse(marker, out _))
        {
            throw ApiFault.BadRequest($"Expected UUID for marker: {marker}");
        }

        var limitAsked = query.Int("limit");
        var fields = detail ? versions.HistoryHasStateFields ? DetailFields : DetailFields21_4 : StandardFields;
        var sortKey = query["sort_key"] ?? "created_at";
        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version);
            var start = marker is null ? null : s.Conductor.GetNodeHistoryEvent(marker);
            var limit = Paging.Limit(limitAsked);
            var sortDir = Paging.SortDirection(query["sort_dir"]);
            if (!(versions.HistoryHasStateFields ? SortKeys : SortKeys21_4).Contains(sortKey))
            {
                throw Paging.InvalidSortKey(sortKey);
            }

            var ordered = s.Conductor.GetNodeHistory(node.Uuid).OrderBy(e => e, Order(sortKey)).ToList();
            if (sortDir == "desc")
            {
                ordered.Reverse();
            }

            var after = start is null
                ? ordered
                : ordered.Where(e => Order(sortKey).Compare(e, start) * (sortDir == "desc" ? -1 : 1) > 0).ToList();
            var page = after.Take(limit).ToList();
            var result = new JsonObject { ["history"] = new JsonArray([.. page.Select(e => (JsonNode)Render(e, node.Uuid, baseUrl, version, detail))]) };
            if (page.Count > 0 && page.Count == limit)
            {
                var order = sorts ? $"sort_key={sortKey}&sort_dir={sortDir}&" : string.Empty;
                result["next"] = $"{baseUrl}/v1/nodes/{ident}/history?marker={MarkerRepr(start, node, s, versions.HistoryHasStateFields)}&{order}" +
                    $"fields={string.Join(",", fields)}&limit={limit}&marker={page[^1].Uuid}";
            }

            return result;
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task Show(HttpContext context, ConductorLoop loop, string ident, string @event)
    {
        var version = context.RequireEndpoint(Since);
        _ = new QueryArgs(context);
        if (!Guid.TryParse(@event, out _) && !LogicalName(@event))
        {
            throw ApiFault.BadRequest($"Expected UUID or name for event: {@event}");
        }

        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version);

            // Ironic finds the entry by its UUID alone: another node's entry is shown under this node.
            return Render(s.Conductor.GetNodeHistoryEvent(@event), node.Uuid, baseUrl, version, detail: true);
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static JsonObject Render(NodeHistoryEvent entry, string nodeUuid, string baseUrl, ApiVersion version, bool detail)
    {
        var shown = new JsonObject
        {
            ["uuid"] = entry.Uuid,
            ["created_at"] = Timestamps.Format(entry.CreatedAt),
            ["severity"] = entry.Severity,
        };
        if (!detail)
        {
            shown["event"] = entry.Event.Length > 255 ? entry.Event[..251] + "..." : entry.Event;
        }
        else
        {
            shown["event_type"] = entry.EventType;
            shown["event"] = entry.Event;
            shown["conductor"] = entry.Conductor;
            shown["user"] = null;
            if (version.Allows(ProjectSince))
            {
                shown["project"] = null;
            }

            if (version.Allows(StateFieldsSince))
            {
                shown["state"] = entry.State.ToIronicName();
                shown["target_provision_state"] = entry.TargetProvisionState?.ToIronicName();
                shown["duration_seconds"] = entry.DurationSeconds;
            }
        }

        shown["links"] = new JsonArray(new JsonObject { ["href"] = $"{baseUrl}/v1/nodes/{nodeUuid}/history/{entry.Uuid}", ["rel"] = "self" });
        return shown;
    }

    /// <summary>The database's order for a sort key, then <c>id</c>; nulls first, as MySQL and SQLite sort them.</summary>
    private static Comparer<NodeHistoryEvent> Order(string key) => Comparer<NodeHistoryEvent>.Create((a, b) =>
    {
        var byKey = key switch
        {
            "uuid" => string.CompareOrdinal(a.Uuid, b.Uuid),
            "created_at" or "updated_at" => a.CreatedAt.CompareTo(b.CreatedAt),
            "severity" => string.CompareOrdinal(a.Severity, b.Severity),
            "event_type" => string.CompareOrdinal(a.EventType, b.EventType),
            "event" => string.CompareOrdinal(a.Event, b.Event),
            "conductor" => string.CompareOrdinal(a.Conductor, b.Conductor),
            "state" => string.CompareOrdinal(a.State.ToIronicName(), b.State.ToIronicName()),
            "target_provision_state" => string.CompareOrdinal(a.TargetProvisionState?.ToIronicName(), b.TargetProvisionState?.ToIronicName()),
            "duration_seconds" => Nullable.Compare(a.DurationSeconds, b.DurationSeconds),
            _ => 0,
        };
        return byKey != 0 ? byKey : a.Id.CompareTo(b.Id);
    });

    /// <summary>
    /// The <c>marker</c> Ironic writes first into a history page's next link: the request's marker
    /// object as oslo's versioned objects print themselves (<c>None</c> on the first page).
    /// </summary>
    private static string MarkerRepr(NodeHistoryEvent? marker, NodeView node, SimulationState simulation, bool stateFields)
    {
        if (marker is null)
        {
            return "None";
        }

        static string Text(string? value) => value is null ? "None" : $"'{value}'";
        var at = marker.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var id = (marker.Id + 1).ToString(CultureInfo.InvariantCulture);
        var nodeId = NodeIdent.DatabaseId(simulation, node.Uuid).ToString(CultureInfo.InvariantCulture);
        var fields = stateFields
            ? $"conductor={Text(marker.Conductor)},created_at={at},duration_seconds={marker.DurationSeconds?.ToString(CultureInfo.InvariantCulture) ?? "None"}," +
              $"event={Text(marker.Event)},event_type={Text(marker.EventType)},id={id},node_id={nodeId},project=None,severity={Text(marker.Severity)}," +
              $"state={Text(marker.State.ToIronicName())},target_provision_state={Text(marker.TargetProvisionState?.ToIronicName())},updated_at=None,user=None,uuid={Text(marker.Uuid)}"
            : $"conductor={Text(marker.Conductor)},created_at={at},event={Text(marker.Event)},event_type={Text(marker.EventType)},id={id},node_id={nodeId}," +
              $"severity={Text(marker.Severity)},updated_at=None,user=None,uuid={Text(marker.Uuid)}";
        return $"NodeHistory({fields})";
    }

    /// <summary>Ironic's logical name: letters, digits and <c>-._~</c>, up to 255 characters.</summary>
    private static bool LogicalName(string text) =>
        text.Length is > 0 and <= 255 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');
}
