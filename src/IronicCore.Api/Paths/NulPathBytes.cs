using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace IronicCore.Api.Paths;

/// <summary>
/// A NUL in a request's path (<c>GET /v1/nodes/%00</c>) as Ironic takes it: webob decodes it and
/// Ironic answers (<c>Expected UUID or name for node: \u0000</c>), while Kestrel refuses such a
/// request line with an empty 400 before any middleware runs. The connection middleware turns each
/// <c>%00</c> in the path of a complete request line into <c>%C0</c> (same length, so Kestrel's
/// positions hold; a byte that never starts UTF-8, which Kestrel leaves encoded) and notes which;
/// <see cref="Restore"/> gives the request its NULs back before Ironic's pipeline reads the path.
/// A <c>%C0</c> a client sent itself is not noted and stays what it was.
/// </summary>
internal static class NulPathBytes
{
    private const string Key = "IronicCore.Api.NulPaths";

    public static ConnectionDelegate Middleware(ConnectionDelegate next) => async connection =>
    {
        var patched = new ConcurrentQueue<PatchedTarget>();
        connection.Items[Key] = patched;
        var transport = connection.Transport;
        connection.Transport = new Duplex(new PatchingReader(transport.Input, patched), transport.Output);
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            connection.Transport = transport;
        }
    };

    /// <summary>The request's path and raw target as the client sent them, when its request line was patched.</summary>
    public static void Restore(HttpContext context)
    {
        if (context.Features.Get<IConnectionItemsFeature>()?.Items is not { } items
            || !items.TryGetValue(Key, out var value) || value is not ConcurrentQueue<PatchedTarget> queue
            || !queue.TryPeek(out var patched) || context.Features.Get<IHttpRequestFeature>() is not { } request
            || request.RawTarget != patched.Target || !queue.TryDequeue(out _))
        {
            return;
        }

        request.RawTarget = patched.Original;
        request.Path = patched.Decode(request.Path);
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
