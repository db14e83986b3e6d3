namespace IronicCore.Drivers;

/// <summary>oslo's <c>bool_from_string</c> (not strict), as Ironic reads a flag in <c>driver_info</c>: anything but a true word is false.</summary>
internal static class OsloBool
{
    public static bool FromString(string value) =>
        value.Trim().ToLowerInvariant() is "1" or "t" or "true" or "on" or "y" or "yes";
}
