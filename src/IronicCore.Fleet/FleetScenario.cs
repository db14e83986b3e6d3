using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Fleet;

/// <summary>
/// A simulated data centre: how many nodes and conductors, Ironic's options, the tenants'
/// workload, the hardware's faults, the human operators and how long to run. The defaults are
/// <c>ironic-sim fleet</c>'s built-in scenario (10,000 nodes, 5 conductors, 30 days, seed 42).
/// Immutable.
/// </summary>
public sealed record FleetScenario
{
    /// <summary>How many nodes. Default 10,000.</summary>
    public int Nodes { get; init; } = 10_000;

    /// <summary>How many conductors share the nodes through Ironic's hash ring. Default 5.</summary>
    public int Conductors { get; init; } = 5;

    /// <summary>How many days of virtual time to run. Default 30.</summary>
    public int Days { get; init; } = 30;

    /// <summary>Seeds every random draw: the same seed gives the same run. Default 42.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>
    /// The nodes' driver (<c>driver</c>) when they all have one: <c>fake-hardware</c> (the
    /// default), <c>ipmi</c> or <c>redfish</c>. A fleet that mixes them gives <see cref="Hardware"/> instead.
    /// </summary>
    public string Driver { get; init; } = "fake-hardware";

    /// <summary>
    /// The share of the nodes of each hardware type (<c>fake-hardware</c>, <c>ipmi</c>,
    /// <c>redfish</c>), each above 0, together 1; e.g. <c>{"fake-hardware": 0.5, "redfish": 0.5}</c>.
    /// Each type's count is its share of <see cref="Nodes"/> (largest remainder), and the types
    /// are interleaved in proportion along the fleet. Default empty: every node is <see cref="Driver"/>.
    /// </summary>
    public ImmutableSortedDictionary<string, double> Hardware
    {
        get;
        // One empty instance, so scenarios without shares stay equal (a record compares it by reference).
        init => field = (value ?? throw new ArgumentNullException(nameof(value))).IsEmpty ? NoShares : value.WithComparers(StringComparer.Ordinal);
    } = NoShares;

    private static readonly ImmutableSortedDictionary<string, double> NoShares = ImmutableSortedDictionary.Create<string, double>(StringComparer.Ordinal);

    /// <summary>The nodes' <c>deploy_interface</c>. Default <c>direct</c>: cleaning and deploying go through the ramdisk agent.</summary>
    public string DeployInterface { get; init; } = "direct";

    /// <summary>
    /// The nodes' <c>management_interface</c>. Default <c>noop</c>, so a <c>direct</c> deploy on
    /// fake-hardware can boot the instance from disk.
    /// </summary>
    public string ManagementInterface { get; init; } = "noop";

    /// <summary>
    /// Ironic's <c>[DEFAULT]</c> driver options (from <c>--config-file</c>), applied to the
    /// conductor before its nodes are enrolled: the nodes' driver and the interfaces above must be
    /// enabled, and their other interfaces take the configuration's defaults. Null (the default):
    /// every simulated implementation, each type's own defaults. Not part of the scenario file or
    /// of a snapshot.
    /// </summary>
    public DriverEnablement? Drivers { get; init; }

    /// <summary>What the fleet asks the conductor for a node of <see cref="Driver"/> (its first node's request, <see cref="NodeRequest(string, int, bool)"/>).</summary>
    /// <param name="active">Whether the node starts with a tenant's instance (<c>active</c>, powered on), else <c>available</c> and off.</param>
    /// <returns>The request.</returns>
    public NodeCreateRequest NodeRequest(bool active) => NodeRequest(Driver, 0, active);

    /// <summary>
    /// What the fleet asks the conductor for its node at <paramref name="index"/> of hardware type
    /// <paramref name="driver"/>: <see cref="DeployInterface"/>, <see cref="ManagementInterface"/>
    /// for fake-hardware (ipmi and redfish take their own), a BMC of its own for ipmi and redfish
    /// (<c>ipmi_address</c> or <c>redfish_address</c> 10.x.y.z from the index, with credentials,
    /// and redfish's virtual media deploy kernel and ramdisk), and the node's start.
    /// </summary>
    /// <param name="driver">The node's hardware type.</param>
    /// <param name="index">The node's place in the fleet, from 0.</param>
    /// <param name="active">Whether the node starts with a tenant's instance (<c>active</c>, powered on), else <c>available</c> and off.</param>
    /// <returns>The request.</returns>
    public NodeCreateRequest NodeRequest(string driver, int index, bool active)
    {
        ArgumentNullException.ThrowIfNull(driver);
        return new()
        {
            Driver = driver,
            DeployInterface = DeployInterface,
            ManagementInterface = driver == "fake-hardware" ? ManagementInterface : null,
            DriverInfo = FleetHardware.DriverInfo(driver, index),
            ProvisionState = active ? ProvisionState.Active : ProvisionState.Available,
            PowerState = active ? PowerState.PowerOn : PowerState.PowerOff,
        };
    }

    /// <summary>
    /// Registers with <paramref name="conductor"/> the hardware types the scenario's nodes have
    /// besides the core's fake-hardware, as a fleet's run does before enrolling them: <c>ipmi</c>
    /// (ipmitool on simulated BMCs, PXE boot on a provisioning network) and <c>redfish</c>
    /// (simulated Redfish BMCs, virtual media boot). A fake-hardware fleet registers nothing.
    /// </summary>
    /// <param name="conductor">A conductor with no nodes of those types yet.</param>
    public void RegisterHardware(Conductor conductor)
    {
        ArgumentNullException.ThrowIfNull(conductor);
        FleetHardware.Register(conductor, this);
    }

    /// <summary>
    /// Every node's request, in enrolment order: the hardware types as <see cref="Hardware"/> shares
    /// them out (or all <see cref="Driver"/>), the first <see cref="FleetWorkload.Utilization"/>
    /// share of the nodes <c>active</c>, the rest <c>available</c>.
    /// </summary>
    /// <returns>The requests, made as they are enumerated.</returns>
    public IEnumerable<NodeCreateRequest> NodeRequests()
    {
        var busy = (int)Math.Round(Workload.Utilization * Nodes);
        var index = 0;
        foreach (var driver in FleetHardware.Sequence(FleetHardware.Counts(this)))
        {
            yield return NodeRequest(driver, index, index < busy);
            index++;
        }
    }

    /// <summary>
    /// Ironic's options, the same on every conductor. Default: Ironic master's defaults, except
    /// two that large clouds change. <c>[deploy] erase_devices_priority = 0</c>: automated
    /// cleaning erases the disks' metadata only; with the full erase (about 40 minutes a node)
    /// the turnover of 10,000 nodes keeps more than <c>max_concurrent_clean</c> (50) nodes
    /// cleaning and tenants' deletions queue behind <c>ConcurrentActionLimit</c>.
    /// <c>[conductor] sync_power_state_interval = 600 s</c>: 2,000 nodes per conductor cannot
    /// all be read in 120 s by 8 sync workers at about a second per BMC. And
    /// <c>[deploy] http_url</c>, which Ironic leaves unset, is the provisioning network's server
    /// (<c>http://10.1.0.1:8080</c>), where redfish nodes' virtual media images are published.
    /// </summary>
    public ConductorOptions Options { get; init; } = new()
    {
        Deploy = new DeployOptions { EraseDevicesPriority = 0, HttpUrl = "http://10.1.0.1:8080" },
        SyncPowerStateInterval = TimeSpan.FromMinutes(10),
    };

    /// <summary>
    /// The same data centre with <paramref name="nodes"/> nodes: the per-node rates (leases,
    /// faults) stay, and what serves the whole fleet grows or shrinks with it: the conductors,
    /// the human operators, and Ironic's fleet-wide caps <c>max_concurrent_deploy</c> and
    /// <c>max_concurrent_clean</c> (each kept at one or more). Without this, ten times the nodes
    /// behind the same 50 cleaning slots is a different experiment: the deletions of 100,000
    /// nodes' tenants outrun 50 cleans and queue behind <c>ConcurrentActionLimit</c> for the
    /// rest of the run.
    /// </summary>
    /// <param name="nodes">The new fleet size.</param>
    /// <returns>The scaled scenario; this one when the size is unchanged.</returns>
    public FleetScenario ScaledTo(int nodes)
    {
        if (nodes == Nodes || Nodes <= 0 || nodes <= 0)
        {
            return this with { Nodes = nodes };
        }

        var factor = (double)nodes / Nodes;
        int Scale(int value, int least) => Math.Max(least, (int)Math.Round(value * factor, MidpointRounding.AwayFromZero));
        return this with
        {
            Nodes = nodes,
            Conductors = Math.Min(1000, Scale(Conductors, 1)),
            Operators = Operators with { Count = Operators.Count == 0 ? 0 : Scale(Operators.Count, 1) },
            Options = ConductorOptions.FromNames(Options.Release, Options.ToNames()
                .SetItem("conductor.max_concurrent_deploy", JsonSerializer.SerializeToElement(Scale(Options.MaxConcurrentDeploy, 1)))
                .SetItem("conductor.max_concurrent_clean", JsonSerializer.SerializeToElement(Scale(Options.MaxConcurrentClean, 1))), Options.DriverSections),
        };
    }

    /// <summary>
    /// How long a request's worker keeps one of the conductor's <c>workers_pool_size</c> workers
    /// busy (power actions, boot preparation). Default 30 s.
    /// </summary>
    public TimeSpan WorkerDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The tenants.</summary>
    public FleetWorkload Workload { get; init; } = new();

    /// <summary>The hardware faults. Default <see cref="HardwareFaultProfile.Defaults"/>.</summary>
    public ImmutableArray<HardwareFaultProfile> Faults { get; init; } = HardwareFaultProfile.Defaults;

    /// <summary>
    /// The same scenario with faults of <paramref name="kind"/> striking at <paramref name="rate"/>
    /// per node per year (per redfish node for a Redfish BMC's own kinds): the scenario's profile of
    /// that kind with the new rate, or, when it has none, the kind's default profile
    /// (<see cref="HardwareFaultProfile.Defaults"/>, <see cref="HardwareFaultProfile.RedfishBmcDefaults"/>)
    /// added at the end. Check <see cref="Problems"/> before running it.
    /// </summary>
    /// <param name="kind">The fault kind.</param>
    /// <param name="rate">Faults per node per year.</param>
    /// <returns>The new scenario.</returns>
    public FleetScenario WithFaultRate(HardwareFaultKind kind, double rate)
    {
        var at = Faults.IndexOf(Faults.FirstOrDefault(f => f.Kind == kind)!);
        if (at >= 0)
        {
            return this with { Faults = Faults.SetItem(at, Faults[at] with { RatePerNodeYear = rate }) };
        }

        var profile = HardwareFaultProfile.Defaults.Concat(HardwareFaultProfile.RedfishBmcDefaults).Single(f => f.Kind == kind);
        return this with { Faults = Faults.Add(profile with { RatePerNodeYear = rate }) };
    }

    /// <summary>The human operators.</summary>
    public FleetOperators Operators { get; init; } = new();

    /// <summary>The conductors' deaths.</summary>
    public ConductorFailures ConductorFailures { get; init; } = new();

    /// <summary>How the ramdisk agents behave (boot time, step durations, their own faults).</summary>
    public AgentBehaviour Agents { get; init; } = new();

    /// <summary>How often the fleet is counted for the results. Default 15 minutes.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Reads a fleet scenario file (JSON, format in docs/fleet.md): this record's properties in
    /// snake_case (durations as <c>d.hh:mm:ss</c>), Ironic's options by their Ironic names under
    /// <c>options</c>, and <c>ironic_release</c>; what the file leaves out keeps its default.
    /// </summary>
    /// <param name="json">The file's text.</param>
    /// <param name="driverSections">
    /// The sections of the driver packages the conductor runs (e.g. <c>[new IpmiOptions()]</c>), whose
    /// options the file may then set; null for none, as the fleet's own nodes are fake-hardware.
    /// </param>
    /// <returns>The scenario; check <see cref="Problems"/> before running it.</returns>
    /// <exception cref="FormatException">Not JSON, an unknown key, a bad value or an unknown Ironic option.</exception>
    public static FleetScenario Parse(string json, IEnumerable<OptionSection>? driverSections = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FleetScenarioFile.Parse(json, driverSections);
    }

    /// <summary>
    /// This scenario as a fleet scenario file (docs/fleet.md) spells it, in full: every field,
    /// defaults included, Ironic's options by name under <c>options</c>, and <c>ironic_release</c>,
    /// each object's keys in ordinal order. <see cref="Parse"/> reads it back to an equal scenario,
    /// and equal scenarios give the same text.
    /// </summary>
    /// <returns>A new JSON object.</returns>
    /// <exception cref="IncorrectConfigurationException">The options are not valid.</exception>
    public JsonObject ToJson() => FleetScenarioFile.Write(this);

    /// <summary>Every problem with the scenario, one sentence each; empty when it can run.</summary>
    /// <returns>The problems, in the order of the properties.</returns>
    public ImmutableArray<string> Problems()
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Check(Nodes is > 0 and <= 10_000_000, $"nodes must be from 1 to 10,000,000 (got {Nodes})");
        Check(Conductors is > 0 and <= 1000, $"conductors must be from 1 to 1,000 (got {Conductors})");
        Check(Days is > 0 and <= 3650, $"days must be from 1 to 3,650 (got {Days})");
        Check(FleetHardware.Simulated.Contains(Driver), $"driver \"{Driver}\" is not simulated; the fleet simulates {Listed(FleetHardware.Simulated)}");
        foreach (var (driver, share) in Hardware)
        {
            Check(FleetHardware.Simulated.Contains(driver), $"hardware \"{driver}\" is not simulated; the fleet simulates {Listed(FleetHardware.Simulated)}");
            Check(share is > 0 and <= 1, $"hardware {driver}: a share must be above 0 and at most 1 (got {share.ToString(CultureInfo.InvariantCulture)})");
        }

        Check(Hardware.IsEmpty || Math.Abs(Hardware.Values.Sum() - 1) < 1e-9,
            $"hardware: the shares must add up to 1 (got {Hardware.Values.Sum().ToString(CultureInfo.InvariantCulture)})");
        Check(Hardware.IsEmpty || Driver == "fake-hardware", $"give the nodes' hardware as driver (one type) or as hardware (shares), not both (driver \"{Driver}\")");
        Check(DeployInterface == "direct" || FleetHardware.Counts(this).All(c => c.Driver == "fake-hardware" || c.Nodes == 0),
            $"deploy_interface {DeployInterface} is fake-hardware's; ipmi and redfish nodes deploy with direct");
        Check(DeployInterface is "direct" or "fake", $"deploy_interface must be direct or fake (got \"{DeployInterface}\")");
        Check(ManagementInterface is "noop" or "fake", $"management_interface must be noop or fake (got \"{ManagementInterface}\")");
        Check(WorkerDuration >= TimeSpan.Zero, "worker_duration must not be negative");
        Check(Workload.Utilization is >= 0 and <= 1, $"workload utilization must be from 0 to 1 (got {Workload.Utilization})");
        Check(Workload.MeanLease > TimeSpan.Zero, "workload mean_lease must be positive");
        Check(Workload.ReportDelay >= TimeSpan.Zero, "workload report_delay must not be negative");
        Check(Workload.FalseReportProbability is >= 0 and <= 1, "workload false_report_probability must be from 0 to 1");
        Check(Workload.RetryInterval > TimeSpan.Zero, "workload retry_interval must be positive");
        foreach (var fault in Faults)
        {
            var name = HardwareFaultKinds.Name(fault.Kind);
            Check(fault.RatePerNodeYear is >= 0 and <= 1000, $"fault {name}: rate_per_node_year must be from 0 to 1,000");
            Check(fault.MaskedFraction is >= 0 and <= 1, $"fault {name}: masked_fraction must be from 0 to 1");
            Check(fault.TransientFraction is >= 0 and <= 1, $"fault {name}: transient_fraction must be from 0 to 1");
            Check(fault.SelfHealTime > TimeSpan.Zero && fault.RepairTime >= TimeSpan.Zero, $"fault {name}: self_heal_time must be positive and repair_time not negative");
            Check(!HardwareFaultKinds.IsRedfish(fault.Kind) || fault.MaskedFraction == 0, $"fault {name}: masked_fraction must be 0 (a Redfish BMC's fault is never masked)");
            Check(!HardwareFaultKinds.IsRedfish(fault.Kind) || fault.RatePerNodeYear == 0 || FleetHardware.Counts(this).Any(c => c.Driver == "redfish" && c.Nodes > 0),
                $"fault {name}: a Redfish BMC's fault strikes redfish nodes, and the fleet has none (give it redfish hardware, or rate 0)");
        }

        Check(Operators.Count is >= 0 and <= 100_000, $"operators count must be from 0 to 100,000 (got {Operators.Count})");
        Check(Operators.ShiftStartHour is >= 0 and < 24 && Operators.ShiftEndHour > Operators.ShiftStartHour && Operators.ShiftEndHour <= 24,
            $"operators shift must satisfy 0 <= start < end <= 24 (got {Operators.ShiftStartHour} to {Operators.ShiftEndHour})");
        Check(Operators.TimePerTicket > TimeSpan.Zero, "operators time_per_ticket must be positive");
        Check(ConductorFailures.MeanTimeBetweenFailures >= TimeSpan.Zero && ConductorFailures.RestartTime > TimeSpan.Zero,
            "conductor_failures: mean_time_between_failures must not be negative and restart_time must be positive");
        Check(SampleInterval >= TimeSpan.FromMinutes(1) && TimeSpan.FromHours(1).Ticks % SampleInterval.Ticks == 0, "sample_interval must divide an hour and be at least 1 minute");
        return problems.ToImmutable();
    }

    private static string Listed(ImmutableArray<string> names) => $"{string.Join(", ", names[..^1])} and {names[^1]}";
}
