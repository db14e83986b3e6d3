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
/// others: direct deploy, agent or no-rescue, their own management).
/// </summary>
internal sealed class DriverFactory(ConductorContext context)
{
    private readonly Dictionary<string, HardwareType> hardwareTypes = new(StringComparer.Ordinal) { [FakeHardware.Name] = FakeHardware.Type };
    private readonly Dictionary<(string Driver, string Deploy, string Rescue, string Management), NodeDriver> nodeDrivers = [];
    private readonly Dictionary<HardwareType, DriverContext> contexts = new(ReferenceEqualityComparer.Instance);

    /// <summary>The registered hardware types, fake-hardware first then in registration order.</summary>
    public IEnumerable<HardwareType> HardwareTypes => hardwareTypes.Values;

    /// <summary>Every driver built so far, by the names it was built from, in the order built.</summary>
    public IReadOnlyDictionary<(string Driver, string Deploy, string Rescue, string Management), NodeDriver> Built => nodeDrivers;

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

    /// <summary>The driver for a node asking for these interfaces, shared by every node with the same choice.</summary>
    /// <exception cref="DriverNotFoundException">The hardware type is not enabled.</exception>
    /// <exception cref="InvalidParameterValueException">The type does not offer an interface asked for.</exception>
    public NodeDriver DriverFor(string driverName, string? deployInterface, string? rescueInterface, string? managementInterface)
    {
        if (!hardwareTypes.TryGetValue(driverName, out var type))
        {
            throw new DriverNotFoundException(driverName);
        }

        var fake = IsFakeHardware(type);
        var deploys = Deploys(fake);
        var deploy = Choose(deploys, deployInterface ?? deploys[0].Name, d => d.Name, "deploy_interface");
        var rescue = Choose(Rescues(fake), rescueInterface ?? DefaultRescue(fake).Name, r => r.Name, "rescue_interface");
        var managements = Managements(type);
        var management = Choose(managements, managementInterface ?? managements[0].Name, m => m.Name, "management_interface");

        var key = (type.Name, deploy.Name, rescue.Name, management.Name);
        if (!nodeDrivers.TryGetValue(key, out var driver))
        {
            driver = fake
                ? new NodeDriver(
                    type, deploy, "fake", rescue, context.Profile.FakeVendorCleanStep ? FakeHardware.CleanStepsWithVendor : FakeHardware.CleanSteps, management)
                {
                    ServiceSteps = FakeHardware.ServiceSteps,
                }
                : new NodeDriver(type, deploy, Inspection.NoInspect, rescue, []);
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
    public ImmutableArray<string> Offered(string driverName, string interfaceType)
    {
        if (!hardwareTypes.TryGetValue(driverName, out var type))
        {
            throw new DriverNotFoundException(driverName);
        }

        var fake = IsFakeHardware(type);
        return interfaceType switch
        {
            "power" => [type.Power.Name],
            "boot" => [type.Boot.Name],
            "inspect" => [fake ? "fake" : Inspection.NoInspect],
            "deploy" => [.. Deploys(fake).Select(d => d.Name)],
            "rescue" => [DefaultRescue(fake).Name, .. Rescues(fake).Select(r => r.Name).Where(r => r != DefaultRescue(fake).Name)],
            "management" => [.. Managements(type).Select(m => m.Name)],
            _ => throw new ArgumentOutOfRangeException(nameof(interfaceType), interfaceType, "Not an interface a node's record names."),
        };
    }

    private static ImmutableArray<IDeployInterface> Deploys(bool fake) => fake ? [FakeDeploy.Instance, AgentDeploy.Instance] : [AgentDeploy.Instance];

    private static ImmutableArray<IRescueInterface> Rescues(bool fake) =>
        fake ? [FakeRescue.Instance, AgentRescue.Instance, NoRescue.Instance] : [AgentRescue.Instance, NoRescue.Instance];

    private static IRescueInterface DefaultRescue(bool fake) => fake ? FakeRescue.Instance : NoRescue.Instance;

    // The simulator lets fake-hardware take Ironic's noop management interface (the boot order
    // set up by hand), which Ironic 21.4's fake-hardware lacks, so a direct deploy can boot the
    // instance from disk and fleets of fake nodes can host tenants.
    private static ImmutableArray<IManagementInterface> Managements(HardwareType type) =>
        IsFakeHardware(type) ? [FakeManagement.Instance, NoopManagement.Instance] : [type.Management];

    /// <summary>The offered interface named <paramref name="name"/>; else Ironic's refusal listing the offered ones.</summary>
    private static T Choose<T>(ImmutableArray<T> offered, string name, Func<T, string> nameOf, string field)
    {
        foreach (var candidate in offered)
        {
            if (nameOf(candidate) == name)
            {
                return candidate;
            }
        }

        throw new InvalidParameterValueException(field, name, [.. offered.Select(nameOf)]);
    }
}
