using IronicCore.Agent;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Snapshots;

/// <summary>
/// An ipmi fleet caught mid-deploy: four nodes deploying over a PXE network whose link carries
/// their images (one download to be corrupted, a BMC slow, one with a failed power supply), two
/// cleaning, the DHCP pool nearly full; agents act on their own.
/// </summary>
internal static class MidDeploy
{
    /// <summary>When the images are on the link: downloads and verifications in flight, agents booted.</summary>
    public static readonly TimeSpan SavePoint = TimeSpan.FromSeconds(120);

    /// <summary>Long enough for every deployment and cleaning to end, and power sync to run.</summary>
    public static readonly TimeSpan Rest = TimeSpan.FromHours(2);

    public static readonly PxeNetworkOptions Network = new()
    {
        AddressCount = 8, ImageSizeBytes = 16L << 30, CorruptionProbability = 0.25, Seed = 9,
    };

    /// <summary>The fixture with every request made; <paramref name="observer"/> sees every transition from the first, for the conductor's life.</summary>
    public static DriverFixture Start(ITransitionObserver? observer = null)
    {
        var fixture = new DriverFixture(network: Network, agents: new AgentBehaviour());
        if (observer is not null)
        {
            fixture.Conductor.Subscribe(observer);
        }

        for (var i = 0; i < 6; i++)
        {
            fixture.Enroll($"n{i}", i < 4 ? ProvisionState.Available : ProvisionState.Manageable);
        }

        fixture.Bmc("n1").Faults = BmcFault.Slow;
        fixture.Bmc("n2").SetSensor(new BmcSensorReading("PSU1 Status", 0, "discrete", BmcSensorStatus.Critical), fixture.Conductor.Clock.GetUtcNow());
        fixture.Network.CorruptNextDownload("n3");
        for (var i = 0; i < 6; i++)
        {
            fixture.Conductor.SetProvisionState($"n{i}", i < 4 ? ApiVerb.Active : ApiVerb.Provide);
        }

        return fixture;
    }

    /// <summary>The packages an ipmi conductor on a PXE network loads with.</summary>
    public static IEnumerable<DriverPackage> Drivers => [PxeDriverPackage.Instance, IpmiDriverPackage.Instance];

    public static byte[] Save(IronicCore.Conductor conductor)
    {
        using var stream = new MemoryStream();
        conductor.Save(stream);
        return stream.ToArray();
    }

    public static IronicCore.Conductor Load(byte[] bytes) => IronicCore.Conductor.Load(new MemoryStream(bytes), drivers: Drivers);
}
