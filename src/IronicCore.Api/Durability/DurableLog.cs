using IronicCore.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IronicCore.Api.Durability;

/// <summary>
/// The conductor loop's side of a state directory: replays the journal when the API starts,
/// journals each request's work as it runs, commits a batch of records before the batch is
/// answered, and folds the journal into a snapshot when it grows.
/// </summary>
internal sealed class DurableLog(StateDirectory directory, int compactAfter) : IDisposable
{
    private RequestJournal? journal;
    private JournalRecord? anchor;

    public StateDirectory Directory => directory;

    /// <summary>
    /// Replays the journal's requests through <paramref name="pipeline"/> (the API without its
    /// auth: they were let in when they came), each at its virtual time; with the real clock, then
    /// moves virtual time to where the last session's wall clock puts it now, so no client sees
    /// time, or a node, go back.
    /// </summary>
    /// <exception cref="StateDirectoryException">A record's request did not reach the conductor again.</exception>
    public async Task Recover(SimulationState simulation, RequestDelegate pipeline, IServiceProvider services, ApiSettings settings, TimeProvider wallClock)
    {
        var tail = directory.Tail ?? throw new InvalidOperationException($"{directory.Path}: Load or Create the state directory before serving it.");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var replayed = 0;
        foreach (var record in tail.Records)
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
                    StateDirectoryError.Incompatible, directory.Path, null,
                    $"journal record {record.Sequence} ({record.Method} {record.Path}) no longer reaches the conductor when replayed");
            }

            replayed++;
        }

        var clock = simulation.Conductor.Clock;
        if (settings.Clock == ClockMode.Real && tail.Anchor is { } anchor)
        {
            var target = anchor.At + ((wallClock.GetUtcNow() - new DateTimeOffset(anchor.WallTicks, TimeSpan.Zero)) * anchor.Speed);
            if (target > clock.GetUtcNow())
            {
                clock.AdvanceTo(target);
            }
        }

        directory.RecoveredWrites = replayed;
        directory.RecoveryTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        journal = new RequestJournal(directory.Path, tail);
    }

    /// <summary>Runs a replayed request's work: now, at its record's time.</summary>
    public static T RunReplayed<T>(ReplayStep step, SimulationState simulation, Func<SimulationState, T> work)
    {
        step.Reached = true;
        var clock = simulation.Conductor.Clock;
        if (step.Record.At > clock.GetUtcNow())
        {
            clock.AdvanceTo(step.Record.At);
        }

        try
        {
            return work(simulation);
        }
        finally
        {
            clock.RunDue();
        }
    }

    /// <summary>Where a real-clock session puts virtual time against the wall clock.</summary>
    public void Anchor(DateTimeOffset at, DateTimeOffset wall, double speed)
    {
        anchor = JournalRecord.Anchor(0, at, wall, speed);
        Journal.Append(anchor);
        Journal.Commit();
    }

    /// <summary>Journals a request's work (its record as captured) running at <paramref name="at"/>.</summary>
    public void Record(JournalRecord request, DateTimeOffset at) => Journal.Append(request with { AtTicks = at.UtcTicks });

    /// <summary>Makes every record so far durable: the batch may be answered.</summary>
    public void Commit() => Journal.Commit();

    /// <summary>Folds the journal into a snapshot once it holds enough records, or <paramref name="force"/>d (a clean stop).</summary>
    public void CompactIfDue(Conductor conductor, bool force = false)
    {
        if (Journal.SinceSnapshot > (anchor is null ? 0 : 1) && (force || Journal.SinceSnapshot >= compactAfter))
        {
            try
            {
                Journal.Compact(conductor);
                if (anchor is not null)
                {
                    // The new segment carries the session's anchor on, for a crash before its next record.
                    Journal.Append(anchor);
                    Journal.Commit();
                }
            }
            catch (IOException error)
            {
                throw new IOException($"the state directory's snapshot could not be written: {error.Message}", error);
            }
        }
    }

    public void Dispose() => journal?.Dispose();

    private RequestJournal Journal => journal ?? throw new InvalidOperationException("The journal is replayed when the API starts.");

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
