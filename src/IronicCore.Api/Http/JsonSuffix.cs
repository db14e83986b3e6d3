using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Http;

/// <summary>
/// Ironic's <c>.json</c> extension rule: a path ending in <c>.json</c> loses it (pecan once read it
/// as the content type), always in 21.4 and on master only below 1.91, which made <c>.json</c> an
/// ordinary part of a name; a node looked up by such a path is then also tried with the suffix
/// given back, so a node really named <c>n1.json</c> is still found.
/// </summary>
internal static class JsonSuffix
{
    private const string Suffix = ".json";

    private const int KeptSince = 91;

    private static readonly object Key = new();

    /// <summary>The path without its <c>.json</c>, when this release and the request's version strip it.</summary>
    public static string Strip(HttpContext context, string path, ApiVersions versions)
    {
        if (!path.EndsWith(Suffix, StringComparison.Ordinal) || !Strips(context.Request.Headers, versions))
        {
            return path;
        }

        context.Items[Key] = true;
        return path[..^Suffix.Length];
    }

    /// <summary>Whether this request's path lost a <c>.json</c>.</summary>
    public static bool WasStripped(HttpContext context) => context.Items.ContainsKey(Key);

    /// <summary>
    /// Master decides from the legacy version header alone, before negotiation: a parsable 1.N below
    /// 1.91 strips; no header, <c>latest</c> or a later version keeps the suffix.
    /// </summary>
    private static bool Strips(IHeaderDictionary headers, ApiVersions versions) =>
        versions.AlwaysStripsJsonSuffix ||
        (ApiVersion.TryParse(headers[ApiVersions.VersionHeader].ToString().Trim(), out var version) && version.Minor is > 0 and < KeptSince);
}
