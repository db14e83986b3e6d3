using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
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
