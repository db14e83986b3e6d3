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

    /// <summary>
    /// Ironic's <c>get_request_return_fields</c>: <c>fields</c> and <c>detail=True</c> exclude each
    /// other; the fields to show, or null for every field.
    /// </summary>
    public static IReadOnlyCollection<string>? ReturnFields(IReadOnlyCollection<string>? fields, bool detail, IReadOnlyCollection<string> defaults)
    {
        if (fields is not null && detail)
        {
            throw ApiFault.BadRequest("Can not specify ?detail=True and fields in the same request.");
        }

        return detail ? null : fields ?? defaults;
    }

    /// <summary>
    /// Ironic's refusal of a sort column: its database layer quotes the column (a column the table
    /// lacks); the API's own check on columns it never sorts by (objects, lists) does not.
    /// </summary>
    public static ApiFault InvalidSortKey(string key, bool quoted = true) =>
        ApiFault.BadRequest($"The sort_key value {(quoted ? $"\"{key}\"" : key)} is an invalid field for sorting");

    /// <summary>
    /// The list's sort column (<c>id</c> when none is asked for): one of <paramref name="unsortable"/>
    /// is the API's own refusal, any other outside <paramref name="columns"/> the database's.
    /// </summary>
    public static string SortKey(string? requested, IReadOnlyCollection<string> columns, IReadOnlyCollection<string> unsortable)
    {
        var key = requested ?? "id";
        if (unsortable.Contains(key))
        {
            throw InvalidSortKey(key, quoted: false);
        }

        return columns.Contains(key) ? key : throw InvalidSortKey(key);
    }

    public static string SortDirection(string? requested) => requested switch
    {
        null => "asc",
        "asc" or "desc" => requested,
        _ => throw ApiFault.BadRequest($"Invalid sort direction: {requested}. Acceptable values are 'asc' or 'desc'"),
    };

    /// <summary>
    /// Ironic's <c>get_next</c>: when a page is full, the URL of the next one, carrying the
    /// resource's own leading arguments (if any), the sort, <c>detail</c> if given and the fields
    /// shown, in that order.
    /// </summary>
    /// <param name="baseUrl">The scheme and host the client used.</param>
    /// <param name="path">The collection's path under <c>/v1/</c>, as the resource's controller names it.</param>
    /// <param name="count">How many items the page holds.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="sortKey">The sort column.</param>
    /// <param name="sortDir"><c>asc</c> or <c>desc</c>.</param>
    /// <param name="detail">The <c>detail</c> argument when the request gave one.</param>
    /// <param name="fields">The fields shown, or null for all.</param>
    /// <param name="marker">The page's last UUID.</param>
    /// <param name="leading">Arguments the resource passes before the sort, as <c>name=value&amp;</c>.</param>
    public static string? Next(
        string baseUrl, string path, int count, int limit, string sortKey, string sortDir, bool? detail, IReadOnlyCollection<string>? fields, string marker, string leading = "")
    {
        if (count == 0 || count != limit)
        {
            return null;
        }

        var args = $"{leading}sort_key={sortKey}&sort_dir={sortDir}&";
        if (detail is { } given)
        {
            args += $"detail={(given ? "True" : "False")}&";
        }

        if (fields is { Count: > 0 })
        {
            args += $"fields={string.Join(",", fields)}&";
        }

        return $"{baseUrl}/v1/{path}?{args}limit={limit}&marker={marker}";
    }

    /// <summary>Ironic's marker: a UUID naming an existing item (filters aside).</summary>
    /// <param name="marker">The <c>marker</c> argument.</param>
    /// <param name="find">The item with a UUID, or null.</param>
    /// <param name="notFound">The error for a marker that names nothing.</param>
    public static T Marker<T>(string marker, Func<string, T?> find, Func<string, Exception> notFound)
        where T : class =>
        !Guid.TryParse(marker, out _)
            ? throw ApiFault.BadRequest($"Expected UUID for marker: {marker}")
            : find(marker) ?? throw notFound(marker);

    /// <summary>
    /// A page in <c>id</c> order (slots are creation order): the matching items from the slot after
    /// the marker's, visiting only the slots it reads.
    /// </summary>
    /// <param name="slots">How many slots exist.</param>
    /// <param name="at">The item in a slot, or null for an empty slot.</param>
    /// <param name="markerSlot">The marker's slot, or null for the first page.</param>
    /// <param name="descending">Whether the order is <c>desc</c>.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="matches">The filters.</param>
    /// <param name="candidate">From a slot and the step, the first slot on that may match (an index of one filter), or -1; null: every slot.</param>
    public static List<T> InSlotOrder<T>(int slots, Func<int, T?> at, int? markerSlot, bool descending, int limit, Func<T, bool> matches, Func<int, int, int>? candidate = null)
        where T : class
    {
        var step = descending ? -1 : 1;
        var page = new List<T>(Math.Min(limit, 128));
        for (var slot = markerSlot is { } after ? after + step : descending ? slots - 1 : 0;
             slot >= 0 && slot < slots && page.Count < limit;
             slot += step)
        {
            if (candidate is not null && (slot = candidate(slot, step)) < 0)
            {
                break;
            }

            if (at(slot) is { } item && matches(item))
            {
                page.Add(item);
            }
        }

        return page;
    }

    /// <summary>
    /// A page in another column's order: the key, then <c>id</c> (as Ironic's query adds it), both
    /// in the one direction, from after the marker's place in that order. A bounded selection: one
    /// pass over the matching items keeps the <paramref name="limit"/> first after the marker in a
    /// heap, so it costs the items times the log of the page, and sorts only the page.
    /// </summary>
    /// <param name="matching">The items matching the filters, with their slots.</param>
    /// <param name="key">The sort column's value of an item.</param>
    /// <param name="marker">The marker and its slot, or null for the first page.</param>
    /// <param name="descending">Whether the order is <c>desc</c>.</param>
    /// <param name="limit">The page size.</param>
    public static List<T> Sorted<T>(IEnumerable<(T Item, int Slot)> matching, Func<T, object?> key, (T Item, int Slot)? marker, bool descending, int limit)
    {
        var order = new SortOrder(descending);
        (object? Key, int Slot)? after = marker is var (markerItem, markerSlot) ? (key(markerItem), markerSlot) : null;

        // The heap's root is the last of the kept items, the first to leave when an earlier one comes.
        var kept = new PriorityQueue<T, (object? Key, int Slot)>(Comparer<(object? Key, int Slot)>.Create((a, b) => order.Compare(b, a)));
        foreach (var (item, slot) in matching)
        {
            var entry = (key(item), slot);
            if (after is { } start && order.Compare(entry, start) <= 0)
            {
                continue;
            }

            if (kept.Count < limit)
            {
                kept.Enqueue(item, entry);
            }
            else if (kept.TryPeek(out _, out var last) && order.Compare(entry, last) < 0)
            {
                kept.EnqueueDequeue(item, entry);
            }
        }

        var page = new T[kept.Count];
        for (var i = page.Length - 1; i >= 0; i--)
        {
            page[i] = kept.Dequeue();
        }

        return [.. page];
    }

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
