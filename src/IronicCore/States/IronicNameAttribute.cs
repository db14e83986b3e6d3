namespace IronicCore.States;

/// <summary>
/// The name Ironic uses for an enum value on the wire and in its configuration, such as
/// <c>"clean wait"</c> for <see cref="ProvisionState.CleanWait"/>.
/// </summary>
/// <remarks>
/// It is read once per enum type by <see cref="IronicNames"/>. An enum named this way (a driver
/// package's option choices, for instance) is byte-backed, its values dense from 0, every one named.
/// </remarks>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
public sealed class IronicNameAttribute : Attribute
{
    /// <summary>Names the value.</summary>
    /// <param name="name">Ironic's name for it, e.g. <c>"clean wait"</c>.</param>
    public IronicNameAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>Ironic's name for the value.</summary>
    public string Name { get; }
}
