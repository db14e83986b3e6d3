using IronicCore.Api.Paths;

namespace Microsoft.AspNetCore.Server.Kestrel.Core;

/// <summary>Kestrel's part of serving Ironic's REST API v1 on a listening endpoint.</summary>
public static class IronicApiListenOptionsExtensions
{
    /// <summary>
    /// Lets a request whose path holds a NUL (<c>%00</c>) reach the API, which answers it as Ironic
    /// does, where Kestrel alone refuses its request line with an empty 400. Every other byte a
    /// client sends reaches Kestrel unchanged.
    /// </summary>
    /// <param name="listen">The endpoint the API is served on.</param>
    /// <returns>The same endpoint.</returns>
    public static ListenOptions UseIronicApiPaths(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(NulPathBytes.Middleware);
        return listen;
    }
}
