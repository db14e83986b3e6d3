using System.Threading.Channels;
using IronicCore.Api.Durability;
using IronicCore.Api.Errors;
using IronicCore.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace IronicCore.Api.Hosting;

/// <summary>
/// The conductor's only thread of control: requests queue their work here and are answered
/// when it has run, one at a time, so the single-threaded, deterministic core never sees two
/// callers. With the real clock the loop also moves virtual time with the wall clock, running
/// the conductor's workers and periodic tasks as they fall due. With a state directory, the
/// requests that change state are journaled as they run, and a batch is answered only once its
/// records are on the disk (docs/api.md#durability). After each batch the changed nodes are
/// published (<see cref="Nodes"/>) before the batch's requests are answered, so reads served
/// from the published view see every write already acknowledged, and none that a crash could lose.
/// </summary>
internal sealed class ConductorLoop(SimulationState simulation, ApiSettings options, TimeProvider wallClock, IServiceProvider services) : BackgroundService
{
    // A batch's requests wait for its commit and its publication: bounded, so a steady stream
    // never starves the first request, and large enough that one flush serves many writes.
    private const int MaxBatch = 1024;

    // Idle waits are capped so that a clock speed-up or a late event is never slept through for long.
    private static readonly TimeSpan MaxIdleWait = TimeSpan.FromSeconds(1);

    private readonly Channel<IQueuedWork> queue = Channel.CreateUnbounded<IQueuedWork>();
    private readonly DurableLog? durable = options.State is { } state ? new DurableLog(state, options) : null;
    private readonly NodePublisher publisher = new(simulation);
    private readonly List<IQueuedWork> batch = [];
    private long startedAt;
    private DateTimeOffset virtualStart;

    /// <summary>The state directory's side of the loop, with a state directory.</summary>
    internal DurableLog? Durable => durable;

    /// <summary>The conductor's options: immutable, so readable from any thread.</summary>
    public ConductorOptions Options => simulation.Conductor.Options;

    /// <summary>The conductor services: immutable, so readable from any thread.</summary>
    public Conductors.ConductorHosts Hosts => simulation.Hosts;

    /// <summary>The hardware types served: immutable, so readable from any thread.</summary>
    public Drivers.EnabledDrivers Drivers => simulation.Drivers;

    /// <summary>The nodes as of the last batch of work: immutable, so readable from any thread.</summary>
    public PublishedNodes Nodes => publisher.Current.Nodes;

    /// <summary>The nodes, ports and portgroups as of the last batch of work, one moment: immutable, so readable from any thread.</summary>
    public PublishedState Published => publisher.Current;

    /// <summary>When the conductor service started (virtual time).</summary>
    public DateTimeOffset StartedAt { get; } = simulation.Conductor.Clock.GetUtcNow();

    /// <summary>Queues work for the conductor; the task ends when it has run (with its result or its exception).</summary>
    public Task<T> Run<T>(Func<SimulationState, T> work)
    {
        if (ReplayStep.Current is { } replayed)
        {
            try
            {
                return Task.FromResult(DurableLog.RunReplayed(replayed, simulation, work));
            }
            finally
            {
                // The next record's request may read the published view before its work, as it did when it ran.
                publisher.Publish();
            }
        }

        var item = new QueuedWork<T>(work, durable is null ? null : RequestCapture.Current?.Take());
        if (!queue.Writer.TryWrite(item))
        {
            throw new ApiFault(StatusCodes.Status503ServiceUnavailable, "The conductor has stopped.");
        }

        return item.Completion;
    }

    /// <summary>With a state directory, replays its journal before the API serves anyone.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (durable is not null)
        {
            var replay = ApiPipeline.Build(new ApplicationBuilder(services), options with { Auth = AuthStrategy.NoAuth, State = null });
            await durable.Recover(simulation, replay, services, wallClock).ConfigureAwait(false);

            // Reads are served from the published view: it shows the recovered state before anyone can ask.
            publisher.Publish();
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        durable?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await Serve(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // A stop asked for is no failure.
        }
        catch (Exception failure)
        {
            // The conductor's state may be half-changed: no request may wait for it or see it again,
            // and the host stops, its default for a failed background service (serve exits non-zero).
            Stop(new ApiFault(StatusCodes.Status500InternalServerError, $"The conductor stopped: {failure.Message}"));
            throw;
        }

        Stop(new ApiFault(StatusCodes.Status503ServiceUnavailable, "The conductor has stopped."));
        durable?.CompactAtStop(simulation.Conductor);
    }

    private async Task Serve(CancellationToken stoppingToken)
    {
        var clock = simulation.Conductor.Clock;
        startedAt = wallClock.GetTimestamp();
        virtualStart = clock.GetUtcNow();
        if (options.Clock == ClockMode.Real)
        {
            durable?.Anchor(virtualStart, wallClock.GetUtcNow(), options.Speed);
        }

        Task<bool>? arrival = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            CatchUp();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var work))
            {
                CatchUp();
                if (work.Request is { } request)
                {
                    durable!.Record(request, clock.GetUtcNow());
                }

                work.Execute(simulation);
                batch.Add(work);
                clock.RunDue();
            }

            var worked = batch.Count > 0;
            Commit();
            durable?.CompactIfDue();
            if (worked)
            {
                continue;
            }

            arrival ??= queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
            var wait = IdleWait();
            // A snapshot built off the loop wakes it when it ends: its failure is the loop's, and more may be due.
            var compacting = durable?.Compacting ?? arrival;
            if (wait == Timeout.InfiniteTimeSpan)
            {
                await Task.WhenAny(arrival, compacting).ConfigureAwait(false);
            }
            else
            {
                using var delay = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(arrival, compacting, Task.Delay(wait, wallClock, delay.Token)).ConfigureAwait(false);
                await delay.CancelAsync().ConfigureAwait(false);
            }

            if (arrival.IsCompleted)
            {
                arrival = null;
            }
        }

    }

    /// <summary>Refuses new work and answers every request still waiting (its work unrun, or run but not committed) with the failure.</summary>
    private void Stop(ApiFault failure)
    {
        queue.Writer.TryComplete();
        foreach (var work in batch)
        {
            work.Fail(failure);
        }

        batch.Clear();
        while (queue.Reader.TryRead(out var waiting))
        {
            waiting.Fail(failure);
        }
    }

    /// <summary>
    /// Group commit: the batch's records reach the disk with one flush; then the nodes the
    /// conductor changed (the batch's and its periodic work's) are published, and every request
    /// of the batch is answered (reads too, so none shows a write that a crash could still lose).
    /// </summary>
    private void Commit()
    {
        if (durable is not null && batch.Count > 0)
        {
            try
            {
                durable.Commit();
            }
            catch (IOException error)
            {
                throw new IOException($"the state directory could not be written, so no answer of the batch is kept: {error.Message}", error);
            }
        }

        publisher.Publish();
        foreach (var work in batch)
        {
            work.Complete();
        }

        batch.Clear();
    }

    /// <summary>With the real clock, brings virtual time up to the wall clock's (times the speed).</summary>
    private void CatchUp()
    {
        if (options.Clock != ClockMode.Real)
        {
            return;
        }

        var clock = simulation.Conductor.Clock;
        var target = virtualStart + (wallClock.GetElapsedTime(startedAt) * options.Speed);
        if (target > clock.GetUtcNow())
        {
            clock.AdvanceTo(target);
        }
    }

    private TimeSpan IdleWait()
    {
        if (options.Clock != ClockMode.Real)
        {
            return Timeout.InfiniteTimeSpan;
        }

        var clock = simulation.Conductor.Clock;
        if (!clock.TryPeekNextDue(out var due))
        {
            return MaxIdleWait;
        }

        var wait = (due - clock.GetUtcNow()) / options.Speed;
        return wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait > MaxIdleWait ? MaxIdleWait : wait;
    }
}
