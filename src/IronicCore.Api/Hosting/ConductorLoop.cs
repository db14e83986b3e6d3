using System.Threading.Channels;
using IronicCore.Configuration;
using Microsoft.Extensions.Hosting;

namespace IronicCore.Api.Hosting;

/// <summary>
/// The conductor's only thread of control: requests queue their work here and are answered
/// when it has run, one at a time, so the single-threaded, deterministic core never sees two
/// callers. With the real clock the loop also moves virtual time with the wall clock, running
/// the conductor's workers and periodic tasks as they fall due. After each batch of work the
/// changed nodes are published (<see cref="Nodes"/>) before the batch's requests are answered,
/// so reads served from the published view see every write already acknowledged.
/// </summary>
internal sealed class ConductorLoop(SimulationState simulation, ApiSettings options, TimeProvider wallClock) : BackgroundService
{
    // A batch's requests wait for its publication: bounded, so a busy queue still answers.
    private const int MaxBatch = 256;

    // Idle waits are capped so that a clock speed-up or a late event is never slept through for long.
    private static readonly TimeSpan MaxIdleWait = TimeSpan.FromSeconds(1);

    private readonly Channel<IQueuedWork> queue = Channel.CreateUnbounded<IQueuedWork>();
    private readonly NodePublisher publisher = new(simulation);
    private readonly List<IQueuedWork> done = [];
    private long startedAt;
    private DateTimeOffset virtualStart;

    /// <summary>The conductor's options: immutable, so readable from any thread.</summary>
    public ConductorOptions Options => simulation.Conductor.Options;

    /// <summary>The conductor services: immutable, so readable from any thread.</summary>
    public Conductors.ConductorHosts Hosts => simulation.Hosts;

    /// <summary>The hardware types served: immutable, so readable from any thread.</summary>
    public Drivers.EnabledDrivers Drivers => simulation.Drivers;

    /// <summary>The nodes as of the last batch of work: immutable, so readable from any thread.</summary>
    public PublishedNodes Nodes => publisher.Current;

    /// <summary>When the conductor service started (virtual time).</summary>
    public DateTimeOffset StartedAt { get; } = simulation.Conductor.Clock.GetUtcNow();

    /// <summary>Queues work for the conductor; the task ends when it has run (with its result or its exception).</summary>
    public Task<T> Run<T>(Func<SimulationState, T> work)
    {
        var item = new QueuedWork<T>(work);
        if (!queue.Writer.TryWrite(item))
        {
            throw new InvalidOperationException("The conductor has stopped.");
        }

        return item.Completion;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var clock = simulation.Conductor.Clock;
        startedAt = wallClock.GetTimestamp();
        virtualStart = clock.GetUtcNow();
        Task<bool>? arrival = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            CatchUp();
            while (done.Count < MaxBatch && queue.Reader.TryRead(out var work))
            {
                CatchUp();
                work.Execute(simulation);
                clock.RunDue();
                done.Add(work);
            }

            publisher.Publish();
            foreach (var work in done)
            {
                work.Complete();
            }

            done.Clear();

            arrival ??= queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
            var wait = IdleWait();
            if (wait == Timeout.InfiniteTimeSpan)
            {
                await Task.WhenAny(arrival).ConfigureAwait(false);
            }
            else
            {
                using var delay = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(arrival, Task.Delay(wait, wallClock, delay.Token)).ConfigureAwait(false);
                await delay.CancelAsync().ConfigureAwait(false);
            }

            if (arrival.IsCompleted)
            {
                arrival = null;
            }
        }

        queue.Writer.TryComplete();
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
