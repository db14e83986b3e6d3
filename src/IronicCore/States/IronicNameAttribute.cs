namespace IronicCore.States;

/// <summary>
/// The name Ironic uses for an enum value on the wire and in its configuration, such as
/// <c>"clean wait"</c> for <see cref="ProvisionState.CleanWait"/>.
/// </summary>
/// <remarks>It is read once per enum type by <see cref="IronicNames"/>.</remarks>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
internal sealed class IronicNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
