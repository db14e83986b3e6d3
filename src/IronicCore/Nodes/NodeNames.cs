namespace IronicCore.Nodes;

/// <summary>Ironic's rule for node names: RFC 3986 unreserved characters, 1 to 255 of them.</summary>
internal static class NodeNames
{
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 255 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');
}
