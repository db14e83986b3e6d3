namespace IronicCore.States;

/// <summary>
/// Converts IronicCore's enums to and from the names Ironic uses on the wire
/// (<c>ProvisionState.CleanWait</c> ⇄ <c>"clean wait"</c>); <see cref="Errors.IronicNameParser"/> parses with
/// Ironic's error for an unknown name. Thread-safe.
/// </summary>
public static class IronicNames
{
    /// <summary>The wire name of a provision state, e.g. <c>"clean wait"</c>.</summary>
    public static string ToIronicName(this ProvisionState value) => NameTable<ProvisionState>.NameOf(value);

    /// <summary>The wire name of a provision event, e.g. <c>"resume"</c>.</summary>
    public static string ToIronicName(this ProvisionEvent value) => NameTable<ProvisionEvent>.NameOf(value);

    /// <summary>The wire name of an API verb, e.g. <c>"deleted"</c>.</summary>
    public static string ToIronicName(this ApiVerb value) => NameTable<ApiVerb>.NameOf(value);

    /// <summary>The wire name of a power state, e.g. <c>"power on"</c>.</summary>
    public static string ToIronicName(this PowerState value) => NameTable<PowerState>.NameOf(value);

    /// <summary>The name Ironic's <c>states.py</c> gives a state set, e.g. <c>"STABLE_STATES"</c>.</summary>
    public static string ToIronicName(this ProvisionStateSet value) => NameTable<ProvisionStateSet>.NameOf(value);

    /// <summary>The journal's name of a transition's cause, e.g. <c>"heartbeat"</c>.</summary>
    public static string ToIronicName(this TransitionCause value) => NameTable<TransitionCause>.NameOf(value);

    /// <summary>The name of a release profile, e.g. <c>"21.4"</c>.</summary>
    public static string ToIronicName(this IronicRelease value) => NameTable<IronicRelease>.NameOf(value);

    /// <summary>Parses an Ironic wire name; false when it does not exist.</summary>
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        if (name is null)
        {
            value = default;
            return false;
        }

        return NameTable<TEnum>.TryParse(name, out value);
    }

    /// <summary>Every wire name of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => NameTable<TEnum>.Names;
}
