using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;

namespace IronicCore.Api.Ports;

/// <summary>What port and portgroup lists share: sorting by a database column and checking the fields asked for.</summary>
internal static class Listing
{
    /// <summary>Orders <paramref name="items"/> (in creation order, Ironic's <c>id</c>) by a column, nulls first.</summary>
    /// <param name="items">The items, filtered.</param>
    /// <param name="sortKey">The column; <c>id</c> keeps creation order.</param>
    /// <param name="sortDir"><c>asc</c> or <c>desc</c>.</param>
    /// <param name="columns">The resource's sortable columns.</param>
    /// <param name="document">An item's fields at every version.</param>
    public static List<T> Sort<T>(IEnumerable<T> items, string sortKey, string sortDir, IReadOnlyCollection<string> columns, Func<T, JsonObject> document)
    {
        if (!columns.Contains(sortKey))
        {
            throw Paging.InvalidSortKey(sortKey);
        }

        var sorted = sortKey == "id" ? items.ToList() : [.. items.OrderBy(i => SortValue(document(i)[sortKey]), StringComparer.Ordinal)];
        if (sortDir == "desc")
        {
            sorted.Reverse();
        }

        return sorted;
    }

    /// <summary>
    /// A page of a published collection, off the conductor's loop. In <c>id</c> order it is read
    /// from the slots after the marker's (those of <paramref name="candidates"/> only, an index of
    /// the filter), costing the slots visited; in another column's order the matching items are
    /// sorted (<see cref="Sort{T}"/>) and the page starts after the marker's place. The marker is
    /// any existing item, matching the filters or not, as Ironic's <c>get_by_uuid</c> reads it.
    /// </summary>
    /// <param name="table">The published collection.</param>
    /// <param name="marker">The marker, or null for the first page.</param>
    /// <param name="candidates">The slots a match must be in, or null for every slot.</param>
    /// <param name="matches">The filters.</param>
    /// <param name="order">The column and <c>asc</c> or <c>desc</c>.</param>
    /// <param name="columns">The resource's sortable columns.</param>
    /// <param name="document">An item's fields at every version.</param>
    /// <param name="limit">The page size.</param>
    public static List<T> Page<T>(
        PublishedTable<T> table, T? marker, SlotUnion? candidates, Func<T, bool> matches, (string Key, string Dir) order, IReadOnlyCollection<string> columns, Func<T, JsonObject> document, int limit)
        where T : class
    {
        var markerSlot = marker is null ? (int?)null : table.SlotOf(marker);
        if (order.Key == "id")
        {
            return Paging.InSlotOrder(table.Slots, slot => table[slot], markerSlot, order.Dir == "desc", limit, matches, candidates is null ? null : candidates.Next);
        }

        // The matching items in slot order, the marker among them at its own slot (the order places the page after it).
        var matching = new List<T>();
        var markerAt = -1;
        for (var slot = candidates?.Next(0, 1) ?? 0; slot >= 0 && slot < table.Slots; slot = candidates?.Next(slot + 1, 1) ?? slot + 1)
        {
            if (markerAt < 0 && slot >= markerSlot)
            {
                markerAt = matching.Count;
                matching.Add(marker!);
            }

            if (slot != markerSlot && table[slot] is { } item && matches(item))
            {
                matching.Add(item);
            }
        }

        if (marker is not null && markerAt < 0)
        {
            matching.Add(marker);
        }

        var sorted = Sort(matching, order.Key, order.Dir, columns, document);
        var start = marker is null ? 0 : sorted.IndexOf(marker) + 1;
        var page = new List<T>(Math.Min(limit, 128));
        for (var i = start; i < sorted.Count && page.Count < limit; i++)
        {
            page.Add(sorted[i]);
        }

        return page;
    }

    /// <summary>Ironic's <c>check_for_invalid_fields</c>: fields the object does not have are 400.</summary>
    public static void CheckFields(IReadOnlyCollection<string>? fields, IEnumerable<string> known)
    {
        var invalid = fields?.Except(known).ToList();
        if (invalid is { Count: > 0 })
        {
            throw ApiFault.BadRequest($"Field(s) \"{string.Join(", ", invalid)}\" are not valid");
        }
    }

    private static string SortValue(JsonNode? value) => value switch
    {
        null => "0",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "1" + v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "11" : "10",
        _ => "1" + value.ToJsonString(),
    };
}
