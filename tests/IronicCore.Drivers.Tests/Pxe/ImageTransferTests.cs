using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Drivers.Pxe;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Pxe;

/// <summary>The agents' image downloads over the shared link: the fair-share law, and checksum failures.</summary>
[TestFixture]
public sealed class ImageTransferTests
{
    /// <summary>1 GB over 8 Gb/s: one second alone; verification takes a microsecond.</summary>
    private static readonly PxeNetworkOptions OneSecondImage = new()
    {
        ImageSizeBytes = 1_000_000_000, LinkBitsPerSecond = 8e9, VerifyBytesPerSecond = 1e15,
    };

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(25)]
    public void ConcurrentDownloadsOfOneSize_FinishTogether_AtNTimesTheTimeOfOneAlone(int n)
    {
        var fixture = new DriverFixture(network: OneSecondImage);
        var start = fixture.Conductor.Clock.GetUtcNow();
        for (var i = 0; i < n; i++)
        {
            fixture.Enroll($"n{i}");
            fixture.Network.ImageTransfer.BeginDownload(fixture.Conductor.GetDriverTask($"n{i}"));
        }

        var (first, last) = RunUntilDownloaded(fixture, n);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(last), "they finish together");
            Assert.That((last - start).TotalSeconds, Is.EqualTo(n).Within(0.001));
        });
    }

    [Test]
    public void DownloadJoiningHalfway_HalvesTheFirstOnesShare_FromThenOn()
    {
        var fixture = new DriverFixture(network: OneSecondImage);
        var start = fixture.Conductor.Clock.GetUtcNow();
        fixture.Enroll("a");
        fixture.Enroll("b");
        fixture.Network.ImageTransfer.BeginDownload(fixture.Conductor.GetDriverTask("a"));
        fixture.Conductor.Clock.Advance(TimeSpan.FromSeconds(0.5));
        fixture.Network.ImageTransfer.BeginDownload(fixture.Conductor.GetDriverTask("b"));

        var (first, _) = RunUntilDownloaded(fixture, 1);
        var (_, second) = RunUntilDownloaded(fixture, 2);

        Assert.Multiple(() =>
        {
            Assert.That((first - start).TotalSeconds, Is.EqualTo(1.5).Within(0.001));
            Assert.That((second - start).TotalSeconds, Is.EqualTo(2.0).Within(0.001));
        });
    }

    [Test]
    public void DownloadBegunAgainMidway_ReplacesTheFirst_StartsAfresh_AndEndsOnce()
    {
        var fixture = new DriverFixture(network: OneSecondImage);
        var start = fixture.Conductor.Clock.GetUtcNow();
        fixture.Enroll("a");
        fixture.Enroll("b");
        var a = fixture.Conductor.GetDriverTask("a");
        fixture.Network.ImageTransfer.BeginDownload(a);
        fixture.Network.ImageTransfer.BeginDownload(fixture.Conductor.GetDriverTask("b"));
        fixture.Conductor.Clock.Advance(TimeSpan.FromSeconds(0.5));
        fixture.Network.ImageTransfer.BeginDownload(a);
        var running = fixture.Network.ActiveDownloads;

        // b has 0.75 GB left and a the whole 1 GB, at half the link each: b ends at 2.0 s, then
        // a, alone, at 2.25 s.
        var (first, _) = RunUntilDownloaded(fixture, 1);
        var (_, second) = RunUntilDownloaded(fixture, 2);
        fixture.Conductor.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(running, Is.EqualTo(2), "the replaced download is not a third");
            Assert.That((first - start).TotalSeconds, Is.EqualTo(2.0).Within(0.001));
            Assert.That((second - start).TotalSeconds, Is.EqualTo(2.25).Within(0.001));
            Assert.That(fixture.Network.CompletedDownloads, Is.EqualTo(2), "the replaced download never ends");
        });
    }

    [TestCase(1)]
    [TestCase(4)]
    public void ConcurrentRamdiskFetches_ShareTheLink_FinishingAtNTimesTheTimeOfOneAlone(int n)
    {
        var fixture = new DriverFixture(network: OneSecondImage with { RamdiskSizeBytes = 1_000_000_000 });
        var clock = fixture.Conductor.Clock;
        var start = clock.GetUtcNow();
        for (var i = 0; i < n; i++)
        {
            fixture.Enroll($"n{i}");
            fixture.Network.ImageTransfer.BeginRamdiskFetch(fixture.Conductor.GetDriverTask($"n{i}"));
        }

        while (fixture.Network.CompletedRamdiskFetches < n && clock.TryPeekNextDue(out var due))
        {
            clock.AdvanceTo(due);
        }

        Assert.That((clock.GetUtcNow() - start).TotalSeconds, Is.EqualTo(n).Within(0.001));
    }

    [Test]
    public void Agent_BootsOnlyAfterItsKernelAndRamdiskArrive()
    {
        // 100 s to fetch the ramdisk alone over the default 10 Gb/s, then the agent's 90 s boot.
        var fixture = new DriverFixture(
            agents: new AgentBehaviour(), network: new PxeNetworkOptions { RamdiskSizeBytes = 125_000_000_000 });
        fixture.Enroll("n", ProvisionState.Manageable);
        fixture.Conductor.SetProvisionState("n", ApiVerb.Provide);

        fixture.RunFor(TimeSpan.FromSeconds(150));
        var early = fixture.Node("n");
        fixture.RunFor(TimeSpan.FromSeconds(120));
        var late = fixture.Node("n");

        Assert.Multiple(() =>
        {
            Assert.That(early.ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(early.CleanStep, Is.Null, "150 s in, the agent is still booting");
            Assert.That(fixture.Network.CompletedRamdiskFetches, Is.EqualTo(1));
            Assert.That(late.CleanStep, Is.Not.Null, "270 s in, the agent has looked up and cleaning runs");
        });
    }

    [Test]
    public void Deploy_ThroughTheLink_ReachesActive()
    {
        var fixture = new DriverFixture(agents: new AgentBehaviour());
        fixture.Enroll("n", ProvisionState.Available);

        fixture.Conductor.SetProvisionState("n", ApiVerb.Active);
        fixture.RunFor(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").ProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(fixture.Node("n").PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(fixture.Network.CompletedDownloads, Is.EqualTo(1));
            Assert.That(fixture.Network.CompletedRamdiskFetches, Is.EqualTo(1), "the machine fetched the agent's kernel and ramdisk once");
            Assert.That(fixture.Network.LeasesInUse, Is.Zero, "the instance boots from disk: the provisioning lease is gone");
        });
    }

    [Test]
    public void CorruptedDownload_FailsTheChecksum_AndTheDeployWithWriteImageInLastError()
    {
        // 21.4: master's power sync would clear last_error at its next match.
        var fixture = new DriverFixture(options: ConductorOptions.ForRelease(IronicRelease.Release21_4), agents: new AgentBehaviour());
        fixture.Enroll("n", ProvisionState.Available);
        fixture.Network.CorruptNextDownload("n");

        fixture.Conductor.SetProvisionState("n", ApiVerb.Active);
        fixture.RunFor(TimeSpan.FromHours(1));

        var node = fixture.Node("n");
        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.DeployFailed));
            Assert.That(node.LastError, Does.Contain("deploy.write_image").And.Contain("Error verifying image checksum"));
            Assert.That(node.Maintenance, Is.False, "deploy failures never set maintenance");
        });
    }

    [TestCase("sha1")]
    [TestCase("crc32")]
    public void ChecksumAlgorithm_OtherThanIronicsOwn_IsRefused(string algorithm)
    {
        var conductor = new IronicCore.Conductor();

        var refusal = Assert.Throws<IronicCore.Errors.InvalidParameterValueException>(
            () => conductor.AddPxeNetwork(new PxeNetworkOptions { ChecksumAlgorithm = algorithm }));

        Assert.That(refusal!.ValidValues, Is.EqualTo(new[] { "md5", "sha256", "sha512" }));
    }

    /// <summary>Runs the clock event by event until <paramref name="count"/> downloads have finished; returns when the first and the last of them did.</summary>
    private static (DateTimeOffset First, DateTimeOffset Last) RunUntilDownloaded(DriverFixture fixture, int count)
    {
        var clock = fixture.Conductor.Clock;
        DateTimeOffset? first = null;
        var before = fixture.Network.CompletedDownloads;
        while (fixture.Network.CompletedDownloads < count && clock.TryPeekNextDue(out var due))
        {
            clock.AdvanceTo(due);
            if (fixture.Network.CompletedDownloads > before)
            {
                first ??= clock.GetUtcNow();
            }
        }

        return (first ?? clock.GetUtcNow(), clock.GetUtcNow());
    }
}
