using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Drivers.Pxe;
using IronicCore.Drivers.Redfish;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Redfish;

/// <summary>A conductor with a provisioning network and the redfish hardware type, and redfish nodes on it.</summary>
internal sealed class RedfishFixture
{
    public RedfishFixture(RedfishBehaviour? behaviour = null, ConductorOptions? options = null)
    {
        Conductor = new IronicCore.Conductor(options ?? new ConductorOptions { Deploy = new DeployOptions { HttpUrl = "http://192.0.2.1:8080" } }, seed: 7);
        Network = Conductor.AddPxeNetwork();
        Redfish = Conductor.AddRedfishHardwareType(Network.Boot, Network.ImageTransfer, behaviour ?? RedfishBehaviour.Instant);
    }

    /// <summary>A fixture whose conductor behaves as <paramref name="release"/> (virtual media published over HTTP, not Swift).</summary>
    public static RedfishFixture ForRelease(IronicRelease release) => new(options: new ConductorOptions(release)
    {
        Deploy = new DeployOptions { HttpUrl = "http://192.0.2.1:8080" },
        DriverSections = [new RedfishOptions(release) { UseSwift = false }],
    });

    public IronicCore.Conductor Conductor { get; }

    public PxeNetwork Network { get; }

    public RedfishHardware Redfish { get; }

    public static ImmutableSortedDictionary<string, string> DriverInfo(string address) =>
        ImmutableSortedDictionary<string, string>.Empty
            .Add("redfish_address", address).Add("redfish_username", "admin").Add("redfish_password", "secret")
            .Add("deploy_kernel", "http://images.example.test/ipa.kernel").Add("deploy_ramdisk", "http://images.example.test/ipa.initramfs");

    public NodeView Enroll(
        string name,
        ProvisionState state = ProvisionState.Manageable,
        PowerState? power = PowerState.PowerOff,
        ImmutableSortedDictionary<string, string>? driverInfo = null,
        string? boot = null) =>
        Conductor.CreateNode(new NodeCreateRequest
        {
            Name = name,
            Driver = "redfish",
            BootInterface = boot,
            ProvisionState = state,
            PowerState = power,
            DriverInfo = driverInfo ?? DriverInfo($"https://10.9.0.{Conductor.Nodes.Length + 1}"),
        });

    public RedfishSystem System(string name) => Redfish.GetSystem(name);

    public NodeView Node(string name) => Conductor.GetNode(name);

    public void RunFor(TimeSpan limit) => Conductor.Clock.Advance(limit);
}
