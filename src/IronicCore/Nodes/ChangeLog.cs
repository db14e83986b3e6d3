namespace IronicCore.Nodes;

/// <summary>
/// The records (ports, portgroups) created, changed or removed since a reader last took them,
/// while a reader keeps its own copies (the API's published view); each record once.
/// </summary>
/// <typeparam name="T">The record.</typeparam>
internal sealed class ChangeLog<T>
    where T : class
{
    private readonly HashSet<T> changed = new(ReferenceEqualityComparer.Instance);

    public void Add(T record) => changed.Add(record);

    /// <summary>Appends the changed records to <paramref name="into"/> and forgets them.</summary>
    public void Take(List<T> into)
    {
        into.AddRange(changed);
        changed.Clear();
    }
}
