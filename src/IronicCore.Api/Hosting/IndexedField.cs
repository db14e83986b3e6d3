namespace IronicCore.Api.Hosting;

/// <summary>A field a published collection indexes by value: its name, and an item's value as the index's key (null: not indexed).</summary>
/// <typeparam name="T">The published item.</typeparam>
internal sealed record IndexedField<T>(string Name, Func<T, string?> Key);
