using IronicCore.Api.Hosting;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Durability;

/// <summary>
/// The conductor loop's side of a state directory: replays the journal when the API starts,
/// journals each request's work as it runs, commits a batch of records before the batch is
/// answered, and folds the journal into a snapshot when it grows: on the loop only the journal's
/// switch to a new segment, the snapshot itself off it (<see cref="SnapshotBuilder"/>), one at a time.
/// </summary>
internal sealed class DurableLog(StateDirectory directory, ApiSettings settings) : IDisposable
{
    private RequestJournal? journal;
    private JournalRecord? anchor;
    private Task? compaction;

    public StateDirectory Directory => directory;

    /// <summary>
    /// Replays the journal's requests through <paramref name="pipeline"/> (the API without its
    /// auth: they were let in when they came), each at its virtual time; with the real clock, then
    /// moves virtual time to where the last session's wall clock puts it now, so no client sees
    /// time, or a node, go back.
    /// </summary>
    /// <exception cref="StateDirectoryException">A record's request did not reach the conductor again.</exception>
    public async Task Recover(SimulationState simulation, RequestDelegate pipeline, IServiceProvider services, TimeProvider wallClock)
    {
        var tail = directory.Tail ?? throw new InvalidOperationException($"{directory.Path}: Load or Create the state directory before serving it.");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var replayed = await JournalReplay.Run(tail.Records, pipeline, services, directory.Path).ConfigureAwait(false);
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

    /// <summary>Called at each step of a compaction: fault-injection tests stop or fail one there.</summary>
    public Action<CompactionStep>? Probe { get; set; }

    /// <summary>The snapshot being built off the loop, if one is: the loop wakes when it ends.</summary>
    public Task? Compacting => compaction;

    /// <summary>
    /// Once the journal holds enough records since the last snapshot, and no snapshot is being built,
    /// goes on in a new segment and builds the snapshot of the ones before it off the loop.
    /// </summary>
    /// <exception cref="IOException">The last snapshot built off the loop failed, or the new segment cannot be written.</exception>
    public void CompactIfDue()
    {
        if (compaction is { IsCompleted: true })
        {
            Observe();
        }

        if (compaction is null && Journal.SinceSnapshot > Anchored && Journal.SinceSnapshot >= settings.CompactAfter)
        {
            var covered = Rotate();
            var load = directory.Loader;
            var probe = Probe;
            compaction = Task.Run(() => SnapshotBuilder.Build(directory.Path, covered, load, settings, probe));
        }
    }

    /// <summary>
    /// At a clean stop, with the loop stopped: waits for the snapshot being built, then folds what
    /// the journal holds after it into a snapshot of the conductor as it stands.
    /// </summary>
    /// <exception cref="IOException">A snapshot cannot be written.</exception>
    public void CompactAtStop(Conductor conductor)
    {
        compaction?.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
        Observe();
        if (Journal.SinceSnapshot > Anchored)
        {
            var covered = Rotate();
            Written(() =>
            {
                StateFiles.WriteAtomically(StateFiles.Snapshot(directory.Path, covered), conductor.Save);
                StateFiles.RemoveCovered(directory.Path, covered, probe: null);
            });
        }
    }

    public void Dispose()
    {
        // The directory's lock is released after this: no snapshot may still be written into it then.
        compaction?.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
        journal?.Dispose();
    }

    // The anchor each segment of a real-clock session starts with is no write of its own.
    private int Anchored => anchor is null ? 0 : 1;

    private RequestJournal Journal => journal ?? throw new InvalidOperationException("The journal is replayed when the API starts.");

    private static void Written(Action write)
    {
        try
        {
            write();
        }
        catch (Exception error) when (error is IOException or StateDirectoryException or UnauthorizedAccessException)
        {
            throw new IOException($"the state directory's snapshot could not be written: {error.Message}", error);
        }
    }

    /// <summary>Starts a new segment, carrying the session's anchor on for a crash before its next record.</summary>
    private long Rotate()
    {
        long covered = 0;
        Written(() =>
        {
            covered = Journal.Rotate();
            Probe?.Invoke(CompactionStep.SegmentStarted);
        });
        if (anchor is not null)
        {
            Journal.Append(anchor);
            Journal.Commit();
        }

        return covered;
    }

    /// <summary>Ends a finished compaction: its failure is the loop's.</summary>
    private void Observe()
    {
        var done = compaction;
        compaction = null;
        if (done?.Exception is { } failed)
        {
            Written(() => System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.InnerException ?? failed));
        }
    }
}
