using System.Collections.Frozen;
using System.Collections.Immutable;
using IronicCore.Drivers;
using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.Simulation;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic's <c>driver_factory.py</c>: the enabled hardware types, and each node's driver built
/// from its type and the interfaces it asks for, checked against what the type supports
/// (fake-hardware: fake or direct deploy, fake, agent or no-rescue, fake or noop management;
/// others: direct deploy, agent or no-rescue, their own management, their boot interface's family).
/// Until <see cref="Enable"/> is given a configuration every registered type is served with all it
/// supports, each interface's default its first (<see cref="SupportedInterfaces"/>).
/// </summary>
internal sealed class DriverFactory(ConductorContext context)
{
    private const string NoVendor = "no-vendor";

    private readonly Dictionary<string, HardwareType> hardwareTypes = new(StringComparer.Ordinal) { [FakeHardware.Name] = FakeHardware.Type };
    private readonly Dictionary<(string Driver, string Deploy, string Rescue, string Management, string Boot, string Vendor, string Inspect, string Bios), NodeDriver> nodeDrivers = [];
    private readonly Dictionary<HardwareType, DriverContext> contexts = new(ReferenceEqualityComparer.Instance);
    private FrozenDictionary<string, ImmutableArray<KeyValuePair<string, ImmutableArray<string>>>>? enabled;
    private FrozenDictionary<string, ImmutableArray<string>>? enabledNames;

    /// <summary>The registered hardware types, fake-hardware first then in registration order.</summary>
    public IEnumerable<HardwareType> HardwareTypes => hardwareTypes.Values;

    /// <summary>The registered types the configuration enables (all until <see cref="Enable"/>), in registration order.</summary>
    public IEnumerable<HardwareType> Served => enabled is null ? hardwareTypes.Values : hardwareTypes.Values.Where(type => enabled.ContainsKey(type.Name));

    /// <summary>What the <c>autodetect</c> deploy interface may switch nodes to, in order: the configuration's, else the release's default (a restored node may be on it).</summary>
    public ImmutableArray<string> AutodetectDeployInterfaces { get; private set; } =
        context.Profile.HasAutodetectDeploy ? DriverEnablementRules.AutodetectDefault : [];

    /// <summary>Every driver built so far, by the names it was built from, in the order built.</summary>
    /// The vendor interface is not a node's choice but the type's configured default, so snapshots leave it out.
    public IReadOnlyDictionary<(string Driver, string Deploy, string Rescue, string Management, string Boot, string Vendor, string Inspect, string Bios), NodeDriver> Built => nodeDrivers;

    /// <summary>
    /// Applies Ironic's driver configuration: from now on only its enabled types are served, with
    /// their enabled implementations and <c>default_interface</c>'s defaults. Nodes already created
    /// keep their drivers.
    /// </summary>
    /// <returns>What is enabled but not simulated, per option.</returns>
    /// <exception cref="DriverConfigurationException">Ironic would not start with it, or would give a served type's nodes what is not simulated; nothing changed.</exception>
    public ImmutableArray<(string Option, string Note)> Enable(DriverEnablement enablement)
    {
        var result = DriverEnablementRules.Resolve(enablement, [.. hardwareTypes.Values], context.Profile.Release, context.Host);
        enabled = result.Types;
        enabledNames = result.Enabled;
        AutodetectDeployInterfaces = result.AutodetectDeployInterfaces;
        return result.Notes;
    }

    /// <summary>Refuses a name the driver configuration does not enable (<c>driver_factory.get_interface</c>: it was never loaded).</summary>
    /// <exception cref="DriverConfigurationException">InterfaceNotFoundInEntrypoint, with the enabled names.</exception>
    public void EnsureEnabled(string interfaceType, string name)
    {
        if (EnabledNames(interfaceType) is { } enabledHere && !enabledHere.Contains(name))
        {
            throw new DriverConfigurationException("InterfaceNotFoundInEntrypoint", DriverEnablementRules.Enabled(interfaceType),
                $"Could not find the following interface in the 'ironic.hardware.interfaces.{interfaceType}' entrypoint: {name}. " +
                $"Valid interfaces are {DriverEnablementRules.PythonList(enabledHere)}.");
        }
    }

    /// <summary>Every enabled implementation of an interface type, sorted; null before <see cref="Enable"/>.</summary>
    public ImmutableArray<string>? EnabledNames(string interfaceType) => enabledNames?.GetValueOrDefault(interfaceType);

    /// <summary>A served type's implementations per interface type (<see cref="SupportedInterfaces.InterfaceTypes"/>), each default first.</summary>
    /// <exception cref="DriverNotFoundException">The hardware type is not served.</exception>
    public ImmutableArray<KeyValuePair<string, ImmutableArray<string>>> Interfaces(string driverName) => Interfaces(Find(driverName));

    /// <summary>Whether <paramref name="type"/> is fake-hardware, whose interfaces are chosen per node.</summary>
    public static bool IsFakeHardware(HardwareType type) => type == FakeHardware.Type;

    /// <summary>Registers a hardware type built by <paramref name="create"/> with a random stream of its own.</summary>
    /// <exception cref="ArgumentException">The name is taken, or the type carries another name.</exception>
    public HardwareType Register(string name, Func<DriverContext, HardwareType> create)
    {
        if (hardwareTypes.ContainsKey(name))
        {
            throw new ArgumentException($"The hardware type {name} is registered already.", nameof(name));
        }

        var driverContext = new DriverContext(context.Clock, context.Options, new SeededRandom(SeededRandom.StreamSeed(context.Seed, name)));
        var type = create(driverContext);
        if (type.Name != name)
        {
            throw new ArgumentException($"The factory for {name} built a hardware type named {type.Name}.", nameof(create));
        }

        hardwareTypes.Add(name, type);
        contexts.Add(type, driverContext);
        return type;
    }

    /// <summary>The context a registered type was built with (its random stream a snapshot keeps), or null for a type not registered here.</summary>
    public DriverContext? ContextOf(HardwareType type) => contexts.GetValueOrDefault(type);

    /// <summary>
    /// The driver for a node asking for these interfaces, shared by every node with the same choice.
    /// <c>restoring</c>: the node had these interfaces already (a snapshot's, or its deploy interface
    /// before master's <c>autodetect</c> switched it), so <c>autodetect</c> is taken even where no
    /// configuration offers it, the driver configuration not being part of a snapshot.
    /// </summary>
    /// <exception cref="DriverNotFoundException">The hardware type is not enabled.</exception>
    /// <exception cref="InvalidParameterValueException">The type does not offer an interface asked for.</exception>
    public NodeDriver DriverFor(
        string driverName,
        string? deployInterface,
        string? rescueInterface,
        string? managementInterface,
        string? bootInterface = null,
        bool restoring = false,
        string? inspectInterface = null,
        string? biosInterface = null)
    {
        var type = Find(driverName);
        var interfaces = Interfaces(type);
        var fake = IsFakeHardware(type);
        var deploy = restoring && !fake && deployInterface == AutodetectDeploy.InterfaceName && context.Profile.HasAutodetectDeploy
            ? AutodetectDeploy.Instance
            : Choose(Deploys(fake), interfaces, "deploy", deployInterface, d => d.Name);
        var rescue = Choose(Rescues(fake), interfaces, "rescue", rescueInterface, r => r.Name);
        var management = Choose(Managements(type), interfaces, "management", managementInterface, m => m.Name);
        var boot = Choose(type.Boot.Family, interfaces, "boot", bootInterface, b => b.Name);
        var vendor = Vendor(type, Lookup(interfaces, "vendor")[0]);
        var inspect = Choose(Lookup(interfaces, "inspect"), interfaces, "inspect", inspectInterface, name => name);
        var bios = Choose(Lookup(interfaces, "bios"), interfaces, "bios", biosInterface, name => name);

        var key = (type.Name, deploy.Name, rescue.Name, management.Name, boot.Name, vendor?.Name ?? NoVendor, inspect, bios);
        if (!nodeDrivers.TryGetValue(key, out var driver))
        {
            driver = fake
                ? new NodeDriver(
                    type, deploy, "fake", rescue, context.Profile.FakeVendorCleanStep ? FakeHardware.CleanStepsWithVendor : FakeHardware.CleanSteps, management, Vendor: vendor)
                {
                    ServiceSteps = FakeHardware.ServiceSteps,
                }
                : NonFakeDriver(type, deploy, rescue, boot, vendor, type.Inspect?.Name == inspect ? type.Inspect : null, type.Bios?.Name == bios ? type.Bios : null);
            nodeDrivers.Add(key, driver);
        }

        return driver;
    }

    /// <summary>
    /// What a registered hardware type offers for one of the interfaces a node's record names
    /// (<c>power</c>, <c>management</c>, <c>boot</c>, <c>deploy</c>, <c>inspect</c>, <c>rescue</c>):
    /// its default first, as Ironic's <c>default_interface</c> picks it.
    /// </summary>
    /// <exception cref="DriverNotFoundException">The hardware type is not enabled.</exception>
    public ImmutableArray<string> Offered(string driverName, string interfaceType) =>
        interfaceType is "power" or "boot" or "inspect" or "deploy" or "rescue" or "management" or "bios"
            ? Lookup(Interfaces(Find(driverName)), interfaceType)
            : throw new ArgumentOutOfRangeException(nameof(interfaceType), interfaceType, "Not an interface a node's record names.");

    /// <summary>
    /// A driver of a type other than fake-hardware: its steps are its vendor interface's, then its
    /// BIOS interface's (when the node has the type's and not <c>no-bios</c>), then its firmware interface's.
    /// </summary>
    private static NodeDriver NonFakeDriver(
        HardwareType type, IDeployInterface deploy, IRescueInterface rescue, IBootInterface boot, IVendorInterface? vendor, IInspectInterface? inspect, IBiosInterface? bios) =>
        new(
            type,
            deploy,
            inspect?.Name ?? Inspection.NoInspect,
            rescue,
            [.. vendor?.CleanSteps ?? [], .. bios?.CleanSteps ?? [], .. type.Firmware?.CleanSteps ?? []],
            BootInterface: boot,
            Vendor: vendor,
            Inspect: inspect,
            Bios: bios)
        {
            ServiceSteps = [.. vendor?.ServiceSteps ?? [], .. bios?.ServiceSteps ?? [], .. type.Firmware?.ServiceSteps ?? []],
        };

    /// <summary>The type's vendor interface when the configuration makes it the default; null for <c>no-vendor</c>.</summary>
    private IVendorInterface? Vendor(HardwareType type, string chosen) =>
        IsFakeHardware(type)
            ? context.Profile.FakeVendorCleanStep ? FakeVendor.WithLogPassthrough : FakeVendor.Release21
            : type.Vendor is { } vendor && vendor.Name == chosen ? vendor : null;

    private static ImmutableArray<IDeployInterface> Deploys(bool fake) =>
        fake ? [FakeDeploy.Instance, AgentDeploy.Instance] : [AgentDeploy.Instance, AutodetectDeploy.Instance];

    private static ImmutableArray<IRescueInterface> Rescues(bool fake) =>
        fake ? [FakeRescue.Instance, AgentRescue.Instance, NoRescue.Instance] : [AgentRescue.Instance, NoRescue.Instance];

    private static ImmutableArray<string> Lookup(ImmutableArray<KeyValuePair<string, ImmutableArray<string>>> interfaces, string interfaceType)
    {
        foreach (var (name, implementations) in interfaces)
        {
            if (name == interfaceType)
            {
                return implementations;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(interfaceType), interfaceType, "Not an interface type.");
    }

    private HardwareType Find(string driverName) =>
        hardwareTypes.TryGetValue(driverName, out var type) && (enabled is null || enabled.ContainsKey(driverName)) ? type : throw new DriverNotFoundException(driverName);

    private ImmutableArray<KeyValuePair<string, ImmutableArray<string>>> Interfaces(HardwareType type) =>
        enabled is not null && enabled.TryGetValue(type.Name, out var configured) ? configured : SupportedInterfaces.Of(type);

    // The simulator lets fake-hardware take Ironic's noop management interface (the boot order
    // set up by hand), which Ironic 21.4's fake-hardware lacks, so a direct deploy can boot the
    // instance from disk and fleets of fake nodes can host tenants.
    private static ImmutableArray<IManagementInterface> Managements(HardwareType type) =>
        IsFakeHardware(type) ? [FakeManagement.Instance, NoopManagement.Instance] : [type.Management];

    /// <summary>
    /// The implementation named <paramref name="wanted"/> (null: the type's default) among those the
    /// type offers and the configuration enables; else Ironic's refusal listing them.
    /// </summary>
    private T Choose<T>(
        ImmutableArray<T> implementations, ImmutableArray<KeyValuePair<string, ImmutableArray<string>>> interfaces, string interfaceType, string? wanted, Func<T, string> nameOf)
    {
        var offered = Lookup(interfaces, interfaceType);
        var name = wanted ?? offered[0];
        foreach (var candidate in implementations)
        {
            if (nameOf(candidate) == name && offered.Contains(name))
            {
                return candidate;
            }
        }

        EnsureEnabled(interfaceType, name);
        throw new InvalidParameterValueException($"{interfaceType}_interface", name, [.. offered]);
    }
}
