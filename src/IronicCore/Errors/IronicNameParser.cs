using IronicCore.States;

namespace IronicCore.Errors;

/// <summary>Parses Ironic's wire names as Ironic's API does: an unknown name is <see cref="InvalidParameterValueException"/>. Thread-safe.</summary>
public static class IronicNameParser
{
    /// <summary>
    /// Parses an Ironic wire name (exact, case-sensitive, as Ironic compares them) into one of
    /// the named enums, e.g. <see cref="ProvisionState"/>, <see cref="ProvisionEvent"/>,
    /// <see cref="ApiVerb"/>, <see cref="PowerState"/> or <see cref="IronicRelease"/>.
    /// </summary>
    /// <exception cref="InvalidParameterValueException">The name does not exist; the error lists the valid ones.</exception>
    public static TEnum Parse<TEnum>(string name)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(name);
        return NameTable<TEnum>.TryParse(name, out var value)
            ? value
            : throw new InvalidParameterValueException(NameTable<TEnum>.Kind, name, NameTable<TEnum>.Names);
    }
}
