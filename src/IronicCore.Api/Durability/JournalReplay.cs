using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IronicCore.Api.Durability;

/// <summary>
/// Sends journaled requests through an API pipeline again, each at its virtual time: how a
/// restart rebuilds the conductor after its snapshot, and how a compaction builds the next
/// snapshot off the conductor's loop.
/// </summary>
internal static class JournalReplay
{
    /// <summary>Replays the request records of <paramref name="records"/> in order (clock anchors are skipped).</summary>
    /// <param name="records">The records, in sequence.</param>
    /// <param name="pipeline">The API without its auth (the requests were let in when they came).</param>
    /// <param name="services">The services the pipeline's conductor loop is resolved from.</param>
    /// <param name="directory">The state directory, for the error.</param>
    /// <returns>How many requests were replayed.</returns>
    /// <exception cref="StateDirectoryException">A record's request did not reach the conductor again.</exception>
    public static async Task<int> Run(IEnumerable<JournalRecord> records, RequestDelegate pipeline, IServiceProvider services, string directory)
    {
        var replayed = 0;
        foreach (var record in records)
        {
            if (record.Kind != JournalRecordKind.Request)
            {
                continue;
            }

            var step = new ReplayStep(record);
            ReplayStep.Current = step;
            try
            {
                await pipeline(Request(record, services)).ConfigureAwait(false);
            }
            finally
            {
                ReplayStep.Current = null;
            }

            if (!step.Reached)
            {
                throw new StateDirectoryException(
                    StateDirectoryError.Incompatible, directory, null,
                    $"journal record {record.Sequence} ({record.Method} {record.Path}) no longer reaches the conductor when replayed");
            }

            replayed++;
        }

        return replayed;
    }

    private static DefaultHttpContext Request(JournalRecord record, IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        var request = context.Request;
        request.Method = record.Method;
        request.Path = new PathString(record.Path);
        request.QueryString = new QueryString(record.Query);
        foreach (var (name, value) in record.Headers)
        {
            request.Headers.Append(name, value);
        }

        request.Body = new MemoryStream(record.Body.ToArray(), writable: false);
        request.ContentLength = record.Body.Length == 0 && !request.Headers.ContainsKey(HeaderNames.ContentLength) ? null : record.Body.Length;
        context.Response.Body = Stream.Null;
        return context;
    }
}
