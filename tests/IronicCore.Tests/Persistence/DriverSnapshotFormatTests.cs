using System.Collections.Immutable;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Nodes;
using IronicCore.Persistence;
using IronicCore.States;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Persistence;

/// <summary>
/// The driver states a snapshot holds are a contract too (docs/persistence.md): the format-3 to
/// format-8 files of a conductor with ipmi nodes on a PXE network kept in TestData must keep loading
/// with the driver packages, and today's writer must still write the format-8 body byte for byte.
/// Without driver states the body is the conductor's twelve fields (<see cref="SnapshotFormatTests"/>).
/// </summary>
[TestFixture]
public sealed class DriverSnapshotFormatTests
{
    private static readonly string Golden = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "conductor-snapshot-v8-drivers.bin");

    [Test]
    public void Writer_StillWritesTheDriverStatesBody_ByteForByte()
    {
        using var stream = new MemoryStream();
        WithIpmiNodes().Save(stream);

        Assert.That(Body(stream.ToArray()), Is.EqualTo(Body(File.ReadAllBytes(Golden))));
    }

    [TestCase("conductor-snapshot-v3-drivers.bin")]
    [TestCase("conductor-snapshot-v4-drivers.bin")]
    [TestCase("conductor-snapshot-v5-drivers.bin")]
    [TestCase("conductor-snapshot-v6-drivers.bin")]
    [TestCase("conductor-snapshot-v7-drivers.bin")]
    [TestCase("conductor-snapshot-v8-drivers.bin")]
    public void SavedFile_StillLoads_WithItsHardwareTypeBmcsAndNetwork(string name)
    {
        using var file = File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", name));
        var loaded = IronicCore.Conductor.Load(file, drivers: [PxeDriverPackage.Instance, IpmiDriverPackage.Instance]);
        var expected = WithIpmiNodes();
        var ipmi = loaded.DriverStates.OfType<IpmiHardware>().Single();
        var network = loaded.DriverStates.OfType<PxeNetwork>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Nodes.Select(n => (n.Uuid, n.Driver, n.ProvisionState, n.PowerState)), Is.EqualTo(expected.Nodes.Select(n => (n.Uuid, n.Driver, n.ProvisionState, n.PowerState))));
            Assert.That(loaded.HardwareTypes.Select(t => t.Name), Is.EqualTo(new[] { "fake-hardware", "ipmi" }));
            Assert.That(loaded.Options.GetSection<IpmiOptions>()?.MinCommandInterval, Is.EqualTo(TimeSpan.FromSeconds(1)), "the package's section, by name");
            Assert.That(ipmi.GetBmc(loaded.Nodes[1].Uuid).Faults, Is.EqualTo(BmcFault.Flapping | BmcFault.Slow));
            Assert.That(ipmi.GetBmc(loaded.Nodes[2].Uuid).SystemEventLog, Has.Some.Contains("sensor CPU1 Temp asserted cr"));
            Assert.That(network.ActiveDownloads, Is.GreaterThan(0));
            Assert.That(network.GetBootConfig(loaded.Nodes[0].Uuid)?.Address, Is.EqualTo("192.168.9.10"));
            Assert.That(loaded.Clock.PendingCount, Is.EqualTo(expected.Clock.PendingCount));
        });
    }

    [Test]
    public void SavedFile_WithoutItsDriverPackages_IsRefused_AsMissingDriver()
    {
        using var file = File.OpenRead(Golden);

        var error = Assert.Throws<PersistenceFormatException>(() => IronicCore.Conductor.Load(file, driverSections: DriverSections.All));

        Assert.Multiple(() =>
        {
            Assert.That(error.Error, Is.EqualTo(PersistenceFormatError.MissingDriver));
            Assert.That(error.Message, Does.StartWith(Golden).And.Contain("IronicCore.Drivers.Pxe, IronicCore.Drivers.Ipmi"));
        });
    }

    /// <summary>Writes the golden file again, only when asked to (after a deliberate format change).</summary>
    [Test]
    [Explicit("Rewrites tests/IronicCore.Tests/TestData/conductor-snapshot-v8-drivers.bin")]
    public void WriteGoldenFile()
    {
        var source = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../TestData/conductor-snapshot-v8-drivers.bin"));
        using var file = File.Create(source);
        WithIpmiNodes().Save(file);
    }

    /// <summary>
    /// Three ipmi nodes on a small PXE network and a fake one: two deploying with their images on the
    /// link (the download of one, whose CPU overheats, to be corrupted), one cleaning behind a slow,
    /// flapping BMC; <c>[ipmi]</c> carried; the clock 100 s on.
    /// </summary>
    private static IronicCore.Conductor WithIpmiNodes()
    {
        var options = new ConductorOptions { DriverSections = [new IpmiOptions { MinCommandInterval = TimeSpan.FromSeconds(1) }] };
        var conductor = new IronicCore.Conductor(options, seed: 4, agents: new AgentBehaviour());
        var network = conductor.AddPxeNetwork(new PxeNetworkOptions { AddressCount = 4, FirstAddress = "192.168.9.10", ImageSizeBytes = 32L << 30, Seed = 2 });
        var ipmi = conductor.AddIpmiHardwareType(network.Boot, network.ImageTransfer, new BmcBehaviour { RecordCommands = true });
        foreach (var (state, address) in new[] { (ProvisionState.Available, "10.4.0.1"), (ProvisionState.Manageable, "10.4.0.2"), (ProvisionState.Available, "10.4.0.3") })
        {
            conductor.CreateNode(new NodeCreateRequest
            {
                Driver = "ipmi",
                ProvisionState = state,
                PowerState = PowerState.PowerOff,
                DriverInfo = ImmutableSortedDictionary<string, string>.Empty.Add("ipmi_address", address),
            });
        }

        conductor.CreateNode(new NodeCreateRequest { ProvisionState = ProvisionState.Available, PowerState = PowerState.PowerOff });
        var nodes = conductor.Nodes;
        ipmi.GetBmc(nodes[1].Uuid).Faults = BmcFault.Slow | BmcFault.Flapping;
        ipmi.GetBmc(nodes[2].Uuid).SetSensor(new BmcSensorReading("CPU1 Temp", 97.5, "degrees C", BmcSensorStatus.Critical), conductor.Clock.GetUtcNow());
        network.CorruptNextDownload(nodes[2].Uuid);
        conductor.SetProvisionState(nodes[0].Uuid, ApiVerb.Active);
        conductor.SetProvisionState(nodes[1].Uuid, ApiVerb.Provide);
        conductor.SetProvisionState(nodes[2].Uuid, ApiVerb.Active);
        conductor.Clock.Advance(TimeSpan.FromSeconds(100));
        return conductor;
    }

    private static byte[] Body(byte[] file) => file[(10 + file[9] + 16)..];
}
