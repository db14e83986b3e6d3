namespace IronicCore.Drivers;

/// <summary>
/// oslo's <c>bool_from_string</c> (not strict), as Ironic's drivers read a flag in
/// <c>driver_info</c>: anything but a true word is false. Public for driver packages, which
/// read their own flags the same way.
/// </summary>
public static class OsloBool
{
    /// <summary>Whether <paramref name="value"/>, trimmed and in any case, is 1, t, true, on, y or yes.</summary>
    public static bool FromString(string value) =>
        value.Trim().ToLowerInvariant() is "1" or "t" or "true" or "on" or "y" or "yes";
}
