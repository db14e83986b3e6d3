namespace IronicCore.Api.Http;

/// <summary>
/// Ironic's list order for a sort column: the column's value (nulls first, text by code point as
/// the database's binary collation compares it), then <c>id</c> (the slot), both reversed for
/// <c>desc</c>.
/// </summary>
internal readonly struct SortOrder(bool descending)
{
    /// <summary>Compares two column values, nulls first.</summary>
    public static int CompareKeys(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => System.Collections.Comparer.DefaultInvariant.Compare(a, b),
    };

    /// <summary>Which of two (value, slot) entries comes first in this order.</summary>
    public int Compare((object? Key, int Slot) a, (object? Key, int Slot) b)
    {
        var byKey = CompareKeys(a.Key, b.Key);
        var order = byKey != 0 ? byKey : a.Slot.CompareTo(b.Slot);
        return descending ? -order : order;
    }
}
