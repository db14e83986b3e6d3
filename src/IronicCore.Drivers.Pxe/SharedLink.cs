using IronicCore.Simulation;

namespace IronicCore.Drivers.Pxe;

/// <summary>
/// The link machines fetch the agent's kernel and ramdisk over when they boot, and agents
/// download instance images over, shared fairly (processor sharing): with n transfers running
/// each gets 1/n of the bandwidth, so n transfers of one size started together finish together
/// after n times the time one alone takes. Only the earliest end is scheduled on the clock;
/// every start or end re-plans it (stale events are ignored by token). After an image download
/// the agent verifies the checksum, reading the image back; then the download reports. A
/// ramdisk fetch reports as soon as it arrives. A machine has one transfer at a time: a new one
/// (a reboot mid-fetch) replaces the old.
/// </summary>
internal sealed partial class SharedLink(SimulationClock clock, PxeNetworkOptions options) : IImageTransfer, ISimulationEventHandler
{
    private const int LinkEvent = 0;
    private const int VerifiedEvent = 1;

    /// <summary>Bytes left per slot; below this a download counts as done (rounding to clock ticks).</summary>
    private const double DoneBelowBytes = 1.0;

    private SeededRandom random = new(options.Seed);
    private readonly List<double> finishAt = [];
    private readonly List<long> activeSince = [];
    private readonly List<DriverTask?> downloads = [];
    private readonly List<bool> corrupted = [];
    private readonly List<bool> fetchingRamdisk = [];
    private readonly List<long> generation = [];

    // The running transfers by the service at which each ends; an entry whose generation is no
    // longer its slot's was replaced or ended (lazy removal).
    private readonly PriorityQueue<(int Slot, long Generation), double> ends = new();
    private readonly List<int> finished = [];
    private Comparison<int>? latestStartedFirst;
    private readonly HashSet<string> corruptNext = new(StringComparer.OrdinalIgnoreCase);
    private readonly double bytesPerSecond = options.LinkBitsPerSecond / 8;
    private long updatedTicks = clock.GetUtcNow().UtcTicks;
    private long token;
    private long nextSince;

    // What every running transfer has received so far (they all receive alike), in bytes since
    // the link began: a transfer ends when this reaches its finishAt. Kept instead of each
    // transfer's bytes left, so a start or end costs log n, not a pass over every transfer.
    private double service;

    /// <summary>Transfers running now.</summary>
    public int ActiveDownloads { get; private set; }

    /// <summary>Image downloads finished (verified or not) so far.</summary>
    public long CompletedDownloads { get; private set; }

    /// <summary>Kernel and ramdisk fetches finished so far.</summary>
    public long CompletedRamdiskFetches { get; private set; }

    /// <summary>The node's next download arrives corrupted.</summary>
    public void CorruptNextDownload(string nodeUuid) => corruptNext.Add(nodeUuid);

    public void BeginDownload(DriverTask task) =>
        Begin(task, options.ImageSizeBytes, ramdisk: false, corruptNext.Remove(task.NodeUuid) || random.NextDouble() < options.CorruptionProbability);

    public void BeginRamdiskFetch(DriverTask task) => Begin(task, options.RamdiskSizeBytes, ramdisk: true, corrupt: false);

    private void Begin(DriverTask task, long bytes, bool ramdisk, bool corrupt)
    {
        var slot = task.Slot;
        while (finishAt.Count <= slot)
        {
            finishAt.Add(0);
            activeSince.Add(-1);
            downloads.Add(null);
            corrupted.Add(false);
            fetchingRamdisk.Add(false);
            generation.Add(0);
        }

        Progress();
        if (activeSince[slot] < 0)
        {
            // A replaced transfer keeps its place in the order simultaneous ends are reported in.
            activeSince[slot] = nextSince++;
            ActiveDownloads++;
        }

        downloads[slot] = task;
        finishAt[slot] = service + bytes;
        corrupted[slot] = corrupt;
        fetchingRamdisk[slot] = ramdisk;
        ends.Enqueue((slot, ++generation[slot]), finishAt[slot]);
        Plan();
    }

    void ISimulationEventHandler.Handle(in ScheduledEvent scheduled)
    {
        if (scheduled.Kind == VerifiedEvent)
        {
            Verified(scheduled.Subject);
            return;
        }

        if (scheduled.Token != token)
        {
            return;
        }

        Progress();
        finished.Clear();
        while (ends.TryPeek(out var end, out var at) && (end.Generation != generation[end.Slot] || at - service < DoneBelowBytes))
        {
            ends.Dequeue();
            if (end.Generation == generation[end.Slot])
            {
                finished.Add(end.Slot);
            }
        }

        // Latest started first, as the ends of one instant have always been reported.
        finished.Sort(latestStartedFirst ??= LatestStartedFirst);
        foreach (var slot in finished)
        {
            activeSince[slot] = -1;
            generation[slot]++;
            ActiveDownloads--;
            if (fetchingRamdisk[slot])
            {
                var task = downloads[slot]!;
                downloads[slot] = null;
                CompletedRamdiskFetches++;
                task.RamdiskFetched();
            }
            else
            {
                clock.Schedule(TimeSpan.FromSeconds(options.ImageSizeBytes / options.VerifyBytesPerSecond), this, VerifiedEvent, slot, 0);
            }
        }

        Plan();
    }

    /// <summary>The sort of one instant's ends; made once, as a lambda over the fields would allocate per end.</summary>
    private int LatestStartedFirst(int a, int b) => activeSince[b].CompareTo(activeSince[a]);

    private void Verified(int slot)
    {
        var task = downloads[slot]!;
        downloads[slot] = null;
        CompletedDownloads++;
        task.ImageDownloaded(corrupted[slot]
            ? $"Error verifying image checksum: Image failed to verify against checksum. location: {task.NodeUuid}; " +
              $"image ID: /tmp/{task.NodeUuid}.img; image checksum: {options.ChecksumAlgorithm}; verification checksum: mismatch"
            : null);
    }

    /// <summary>Charges the time since the last change to every running transfer, each at its fair share.</summary>
    private void Progress()
    {
        var now = clock.GetUtcNow().UtcTicks;
        if (ActiveDownloads > 0 && now > updatedTicks)
        {
            service += bytesPerSecond / ActiveDownloads * TimeSpan.FromTicks(now - updatedTicks).TotalSeconds;
        }

        updatedTicks = now;
    }

    /// <summary>Schedules the earliest end among the running transfers, at the current shares.</summary>
    private void Plan()
    {
        token++;
        while (ends.TryPeek(out var end, out _) && end.Generation != generation[end.Slot])
        {
            ends.Dequeue();
        }

        if (!ends.TryPeek(out _, out var least))
        {
            return;
        }

        var seconds = Math.Max(least - service, 0) * ActiveDownloads / bytesPerSecond;
        clock.Schedule(TimeSpan.FromTicks((long)Math.Ceiling(seconds * TimeSpan.TicksPerSecond)), this, LinkEvent, 0, token);
    }
}
