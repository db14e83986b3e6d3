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
internal sealed class SharedLink(SimulationClock clock, PxeNetworkOptions options) : IImageTransfer, ISimulationEventHandler
{
    private const int LinkEvent = 0;
    private const int VerifiedEvent = 1;

    /// <summary>Bytes left per slot; below this a download counts as done (rounding to clock ticks).</summary>
    private const double DoneBelowBytes = 1.0;

    private readonly SeededRandom random = new(options.Seed);
    private readonly List<int> active = [];
    private readonly List<double> remaining = [];
    private readonly List<DriverTask?> downloads = [];
    private readonly List<bool> corrupted = [];
    private readonly List<bool> fetchingRamdisk = [];
    private readonly HashSet<string> corruptNext = new(StringComparer.OrdinalIgnoreCase);
    private readonly double bytesPerSecond = options.LinkBitsPerSecond / 8;
    private long updatedTicks = clock.GetUtcNow().UtcTicks;
    private long token;

    /// <summary>Transfers running now.</summary>
    public int ActiveDownloads => active.Count;

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
        while (remaining.Count <= task.Slot)
        {
            remaining.Add(0);
            downloads.Add(null);
            corrupted.Add(false);
            fetchingRamdisk.Add(false);
        }

        Progress();
        if (!active.Contains(task.Slot))
        {
            active.Add(task.Slot);
        }

        downloads[task.Slot] = task;
        remaining[task.Slot] = bytes;
        corrupted[task.Slot] = corrupt;
        fetchingRamdisk[task.Slot] = ramdisk;
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
        for (var i = active.Count - 1; i >= 0; i--)
        {
            var slot = active[i];
            if (remaining[slot] < DoneBelowBytes)
            {
                active.RemoveAt(i);
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
        }

        Plan();
    }

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

    /// <summary>Charges the time since the last change to every running download, each at its fair share.</summary>
    private void Progress()
    {
        var now = clock.GetUtcNow().UtcTicks;
        if (active.Count > 0 && now > updatedTicks)
        {
            var share = bytesPerSecond / active.Count * TimeSpan.FromTicks(now - updatedTicks).TotalSeconds;
            foreach (var slot in active)
            {
                remaining[slot] -= share;
            }
        }

        updatedTicks = now;
    }

    /// <summary>Schedules the earliest end among the running downloads, at the current shares.</summary>
    private void Plan()
    {
        token++;
        if (active.Count == 0)
        {
            return;
        }

        var least = double.MaxValue;
        foreach (var slot in active)
        {
            least = Math.Min(least, remaining[slot]);
        }

        var seconds = Math.Max(least, 0) * active.Count / bytesPerSecond;
        clock.Schedule(TimeSpan.FromTicks((long)Math.Ceiling(seconds * TimeSpan.TicksPerSecond)), this, LinkEvent, 0, token);
    }
}
