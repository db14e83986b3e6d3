using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Persistence;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Snapshots;

/// <summary>
/// A conductor with ipmi nodes on a PXE network is saved with its driver states (docs/persistence.md):
/// the BMCs, their faults and logs, ipmitool's spacing, the DHCP leases, boot configurations and the
/// link's transfers in flight with their clock events; loading it with the driver packages runs on
/// exactly as the saved conductor would.
/// </summary>
[TestFixture]
public sealed class DriverSnapshotTests
{
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("driver-snapshot-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void RunResumedMidDeploy_WritesTheUninterruptedRunsJournal_AndEndsInItsState_ByteForByte()
    {
        var whole = Path.Combine(directory, "whole.journal");
        var resumed = Path.Combine(directory, "resumed.journal");
        var uninterrupted = Run(whole, out var inFlight);
        var saved = Save(resumed);
        var loaded = MidDeploy.Load(saved);
        using (var journal = new TransitionJournalWriter(resumed))
        {
            loaded.Subscribe(journal);
            loaded.Clock.Advance(MidDeploy.Rest);
        }

        var network = loaded.DriverStates.OfType<PxeNetwork>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(inFlight, Is.GreaterThan(0), "saved with downloads on the link");
            Assert.That(File.ReadAllBytes(resumed), Is.EqualTo(File.ReadAllBytes(whole)).And.Length.GreaterThan(500));
            Assert.That(MidDeploy.Save(loaded), Is.EqualTo(MidDeploy.Save(uninterrupted.Conductor)), "the whole state, drivers' included");
            Assert.That(loaded.Nodes.Select(n => n.ProvisionState), Does.Contain(ProvisionState.Active).And.Contain(ProvisionState.DeployFailed));
            Assert.That(network.CompletedDownloads, Is.EqualTo(uninterrupted.Network.CompletedDownloads).And.EqualTo(4));
        });
    }

    [Test]
    public void LoadedConductor_HasTheBmcsTheNetworkAndTheTransfersInFlight()
    {
        var fixture = MidDeploy.Start();
        fixture.RunFor(MidDeploy.SavePoint);

        var loaded = MidDeploy.Load(MidDeploy.Save(fixture.Conductor));

        var ipmi = loaded.DriverStates.OfType<IpmiHardware>().Single();
        var network = loaded.DriverStates.OfType<PxeNetwork>().Single();
        var (before, after) = (fixture.Bmc("n2"), ipmi.GetBmc(loaded.GetNode("n2").Uuid));
        Assert.Multiple(() =>
        {
            Assert.That(loaded.DriverStates.Select(s => s.GetType()), Is.EqualTo(new[] { typeof(PxeNetwork), typeof(IpmiHardware) }));
            Assert.That(loaded.HardwareTypes.Select(t => t.Name), Is.EqualTo(fixture.Conductor.HardwareTypes.Select(t => t.Name)));
            Assert.That(ipmi.Type.Boot, Is.SameAs(network.Boot));
            Assert.That(ipmi.Type.ImageTransfer, Is.SameAs(network.ImageTransfer));
            Assert.That(ipmi.Behaviour, Is.EqualTo(fixture.Ipmi.Behaviour));
            Assert.That(ipmi.GetBmc(loaded.GetNode("n1").Uuid).Faults, Is.EqualTo(BmcFault.Slow));
            Assert.That(after.Sensors, Is.EqualTo(before.Sensors).And.Not.Empty);
            Assert.That(after.SystemEventLog, Is.EqualTo(before.SystemEventLog).And.Not.Empty);
            Assert.That(after.Commands, Is.EqualTo(before.Commands).And.Not.Empty);
            Assert.That((after.BootDevice, after.BootDevicePersistent), Is.EqualTo((before.BootDevice, before.BootDevicePersistent)));
            Assert.That(network.Options, Is.EqualTo(MidDeploy.Network));
            Assert.That(
                (network.LeasesInUse, network.ActiveDownloads, network.CompletedDownloads, network.CompletedRamdiskFetches),
                Is.EqualTo((fixture.Network.LeasesInUse, fixture.Network.ActiveDownloads, fixture.Network.CompletedDownloads, fixture.Network.CompletedRamdiskFetches)));
            Assert.That(network.ActiveDownloads, Is.GreaterThan(0));
            Assert.That(loaded.Nodes.Select(n => network.GetBootConfig(n.Uuid)), Is.EqualTo(fixture.Conductor.Nodes.Select(n => fixture.Network.GetBootConfig(n.Uuid))));
            Assert.That(loaded.Clock.PendingCount, Is.EqualTo(fixture.Conductor.Clock.PendingCount));
        });
    }

    [Test]
    public void Load_WithoutTheDriverPackages_IsRefused_NamingThem()
    {
        var fixture = MidDeploy.Start();
        fixture.RunFor(MidDeploy.SavePoint);
        var bytes = MidDeploy.Save(fixture.Conductor);

        var none = Assert.Throws<PersistenceFormatException>(() => IronicCore.Conductor.Load(new MemoryStream(bytes)));
        var pxeOnly = Assert.Throws<PersistenceFormatException>(() => IronicCore.Conductor.Load(new MemoryStream(bytes), drivers: [PxeDriverPackage.Instance]));

        Assert.Multiple(() =>
        {
            Assert.That(none.Error, Is.EqualTo(PersistenceFormatError.MissingDriver));
            Assert.That(none.Message, Does.Contain("driver packages IronicCore.Drivers.Pxe, IronicCore.Drivers.Ipmi"));
            Assert.That(pxeOnly.Error, Is.EqualTo(PersistenceFormatError.MissingDriver));
            Assert.That(pxeOnly.Message, Does.Contain("driver package IronicCore.Drivers.Ipmi,").And.Not.Contain("Pxe"));
        });
    }

    [TestCase(0.1)]
    [TestCase(0.5)]
    [TestCase(0.99)]
    public void Load_TruncatedSnapshot_IsRefused(double keep)
    {
        var fixture = MidDeploy.Start();
        fixture.RunFor(MidDeploy.SavePoint);
        var bytes = MidDeploy.Save(fixture.Conductor);

        var error = Assert.Throws<PersistenceFormatException>(() => MidDeploy.Load(bytes[..(int)(bytes.Length * keep)]));

        Assert.That(error.Error, Is.EqualTo(PersistenceFormatError.Truncated));
    }

    [Test]
    public void Load_ForeignFile_IsRefused()
    {
        var error = Assert.Throws<PersistenceFormatException>(() => MidDeploy.Load([.. "IRJL\u0001\0\0\0 a journal, not a snapshot"u8]));

        Assert.That(error.Error, Is.EqualTo(PersistenceFormatError.Foreign));
    }

    [Test]
    public void Save_WithAHardwareTypeNoDriverStateKeeps_IsRefused_AndWritesNothing()
    {
        var conductor = new IronicCore.Conductor();
        var network = conductor.AddPxeNetwork();
        conductor.RegisterHardwareType("pdu-hardware", _ => new HardwareType("pdu-hardware", new CustomDriver.PduPower(), new CustomDriver.NoBootDeviceManagement(), network.Boot));
        using var stream = new MemoryStream();

        Assert.That(() => conductor.Save(stream), Throws.TypeOf<SnapshotUnsupportedException>().With.Message.Contains("pdu-hardware").And.Message.Contains("AddDriverState"));
        Assert.That(stream.Length, Is.Zero);
    }

    [Test]
    public void Save_IpmiOnABootInterfaceNoDriverStateOffers_IsRefused_AndWritesNothing()
    {
        var conductor = new IronicCore.Conductor();
        var foreign = new IronicCore.Conductor().AddPxeNetwork();
        conductor.AddIpmiHardwareType(foreign.Boot);
        using var stream = new MemoryStream();

        Assert.That(() => conductor.Save(stream), Throws.TypeOf<SnapshotUnsupportedException>().With.Message.Contains("IronicCore.Drivers.Ipmi"));
        Assert.That(stream.Length, Is.Zero);
    }

    /// <summary>The mid-deploy fleet run to its end without a break, its journal in <paramref name="path"/>.</summary>
    private static DriverFixture Run(string path, out int inFlight)
    {
        using var journal = new TransitionJournalWriter(path);
        var fixture = MidDeploy.Start(journal);
        fixture.RunFor(MidDeploy.SavePoint);
        inFlight = fixture.Network.ActiveDownloads;
        fixture.RunFor(MidDeploy.Rest);
        return fixture;
    }

    /// <summary>The same run up to the save point, its journal so far in <paramref name="path"/>; the snapshot.</summary>
    private static byte[] Save(string path)
    {
        using var journal = new TransitionJournalWriter(path);
        var fixture = MidDeploy.Start(journal);
        fixture.RunFor(MidDeploy.SavePoint);
        return MidDeploy.Save(fixture.Conductor);
    }
}
