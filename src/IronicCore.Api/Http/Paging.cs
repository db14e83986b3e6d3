using IronicCore.Api.Errors;

namespace IronicCore.Api.Http;

/// <summary>Ironic's collection paging: <c>limit</c> capped at <c>[api] max_limit</c>, a UUID <c>marker</c>.</summary>
internal static class Paging
{
    /// <summary><c>[api] max_limit</c>.</summary>
    public const int MaxLimit = 1000;

    public static int Limit(int? requested) => requested switch
    {
        null => MaxLimit,
        <= 0 => throw ApiFault.BadRequest("Limit must be positive"),
        var value => Math.Min(value.Value, MaxLimit),
    };

    public static string SortDirection(string? requested) => requested switch
    {
        null => "asc",
        "asc" or "desc" => requested,
        _ => throw ApiFault.BadRequest($"Invalid sort direction: {requested}. Acceptable values are 'asc' or 'desc'"),
    };

    /// <summary>The items after the marker, at most <paramref name="limit"/>.</summary>
    /// <param name="items">The whole collection, filtered and ordered.</param>
    /// <param name="uuidOf">An item's UUID.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="marker">The last UUID of the previous page, or null.</param>
    /// <param name="notFound">The error for a marker that names nothing.</param>
    public static List<T> Page<T>(IReadOnlyList<T> items, Func<T, string> uuidOf, int limit, string? marker, Func<string, Exception> notFound)
    {
        var start = 0;
        if (marker is not null)
        {
            if (!Guid.TryParse(marker, out _))
            {
                throw ApiFault.BadRequest($"Expected UUID for marker: {marker}");
            }

            var index = -1;
            for (var i = 0; i < items.Count && index < 0; i++)
            {
                if (string.Equals(uuidOf(items[i]), marker, StringComparison.OrdinalIgnoreCase))
                {
                    index = i;
                }
            }

            start = index >= 0 ? index + 1 : throw notFound(marker);
        }

        return [.. items.Skip(start).Take(limit)];
    }
}
