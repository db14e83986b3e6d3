namespace IronicCore.Api.Hosting;

/// <summary>A column a published collection keeps in order (Ironic's <c>sort_key</c>): its name, and an item's value (null sorts first).</summary>
/// <typeparam name="T">The published item.</typeparam>
internal sealed record OrderedField<T>(string Name, Func<T, object?> Key);
