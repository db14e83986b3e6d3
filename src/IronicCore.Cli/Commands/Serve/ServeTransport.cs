using Microsoft.AspNetCore.Hosting;

namespace IronicCore.Cli.Commands.Serve;

/// <summary>
/// How serve's sockets hand requests to the API: on the thread that saw the socket ready, not
/// through a queue to another thread. An answer from the published view takes microseconds, so
/// the two thread switches a request otherwise pays (socket engine to Kestrel's queue to the pool)
/// cost more than the answer; no API handler blocks its thread (work for the conductor is awaited,
/// and its completions run on the pool), which is what running inline needs.
/// </summary>
internal static class ServeTransport
{
    // .NET's socket engine reads it once, when the first socket is made: serve makes none before Kestrel's.
    private const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static void Configure(IWebHostBuilder host)
    {
        Environment.SetEnvironmentVariable(InlineCompletions, "1");
        host.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
    }
}
