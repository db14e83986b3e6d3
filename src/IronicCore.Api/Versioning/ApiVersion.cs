using System.Globalization;

namespace IronicCore.Api.Versioning;

/// <summary>An Ironic API microversion, <c>1.N</c>.</summary>
internal readonly record struct ApiVersion(int Major, int Minor) : IComparable<ApiVersion>
{
    public int CompareTo(ApiVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(ApiVersion left, ApiVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(ApiVersion left, ApiVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(ApiVersion left, ApiVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ApiVersion left, ApiVersion right) => left.CompareTo(right) >= 0;

    /// <summary>Whether this version has a feature that first appeared in 1.<paramref name="minor"/>.</summary>
    public bool Allows(int minor) => Minor >= minor;

    /// <summary>Parses <c>X.Y</c> with integer parts, as Ironic's header check does.</summary>
    public static bool TryParse(string text, out ApiVersion version)
    {
        version = default;
        var parts = text.Split('.');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new ApiVersion(major, minor);
        return true;
    }

    public override string ToString() => $"{Major}.{Minor}";
}
