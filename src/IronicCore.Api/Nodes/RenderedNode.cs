using IronicCore.Api.Versioning;

namespace IronicCore.Api.Nodes;

/// <summary>A node's JSON for one microversion, base URL and field selection (compared by reference: the list's defaults, or all).</summary>
internal sealed record RenderedNode(ApiVersion Version, string BaseUrl, IReadOnlyCollection<string>? Fields, byte[] Json)
{
    public bool Fits(ApiVersion version, string baseUrl, IReadOnlyCollection<string>? fields) =>
        Version == version && ReferenceEquals(Fields, fields) && string.Equals(BaseUrl, baseUrl, StringComparison.Ordinal);
}
