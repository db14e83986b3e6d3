namespace IronicCore.Nodes;

/// <summary>
/// Ironic's rule for logical names (<c>is_valid_logical_name</c>), which node, port, portgroup and
/// runbook names follow: RFC 3986 unreserved characters, 1 to 255 of them.
/// </summary>
public static class NodeNames
{
    /// <summary>Whether <paramref name="name"/> is a valid logical name.</summary>
    /// <param name="name">The name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 255 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');
}
