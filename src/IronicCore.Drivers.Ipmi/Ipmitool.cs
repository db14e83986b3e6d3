using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Ipmi;

/// <summary>
/// ipmitool as Ironic runs it (<c>ipmitool._exec_ipmitool</c>): one command per BMC address per
/// <c>[ipmi] min_command_interval</c>, retried until <c>[ipmi] command_retry_timeout</c> or the
/// attempts it allows, every error retried unless <c>[ipmi] use_ipmitool_retries</c> leaves only
/// transient ones to Ironic. Waiting is charged to the task's time line, never slept.
/// Shared by the ipmitool power and management interfaces of one hardware type.
/// </summary>
internal sealed partial class Ipmitool(DriverContext context, BmcBehaviour behaviour)
{
    /// <summary>Ironic's <c>IPMITOOL_RETRYABLE_FAILURES</c>.</summary>
    private static readonly ImmutableArray<string> RetryableFailures =
        ["insufficient resources for session", "Node busy", "Timeout", "Out of space", "BMC initialization in progress"];

    /// <summary>An address's last command time before it got one.</summary>
    private const long NoCommand = long.MinValue;

    // Per node slot, in one array so that a command reads one entry: what was parsed from which
    // version of driver_info, the number of its address, and the node's BMC once made.
    private SlotCache[] slots = [];
    private readonly Dictionary<string, SimulatedBmc> byUuid = new(StringComparer.OrdinalIgnoreCase);

    // When each BMC address last got a command (Ironic's LAST_CMD_TIME, keyed by address): an
    // address is numbered once, when a node's driver_info is parsed, so a command reads and sets
    // its time by number instead of hashing the address; the addresses in the order of their
    // first command are what a snapshot writes.
    private readonly Dictionary<string, int> addressNumbers = new(StringComparer.Ordinal);
    private readonly List<string> addresses = [];
    private readonly List<long> lastCommandTicks = [];
    private readonly List<int> commandedAddresses = [];

    /// <summary>The release whose ipmitool driver this is.</summary>
    public IronicRelease Release => context.Options.Release;

    /// <summary>The conductor's <c>[ipmi]</c> section, or its defaults when the options do not carry one.</summary>
    public IpmiOptions Options { get; } = context.Options.GetSection<IpmiOptions>() ?? new IpmiOptions();

    public ConductorOptions ConductorOptions => context.Options;

    public BmcBehaviour Behaviour => behaviour;

    /// <summary>The node's BMC, made on first use.</summary>
    public SimulatedBmc BmcOf(string nodeUuid)
    {
        if (!byUuid.TryGetValue(nodeUuid, out var bmc))
        {
            bmc = new SimulatedBmc(nodeUuid);
            byUuid.Add(nodeUuid, bmc);
        }

        return bmc;
    }

    /// <summary>The node's <c>driver_info</c>, parsed once per version of it.</summary>
    public IpmiDriverInfo InfoOf(DriverTask task) => Parsed(task).Parsed!;

    /// <summary>Runs a command with Ironic's spacing and retries; <paramref name="raw"/>: the bytes of <see cref="IpmiCommand.Raw"/>.</summary>
    /// <exception cref="IpmiFailureException">Every attempt failed, or a failure is not to be retried.</exception>
    public void Execute(DriverTask task, IpmiCommand command, string failedCommand, string? raw = null)
    {
        ref var cached = ref Parsed(task);
        var address = cached.Address;
        var bmc = cached.Bmc ??= BmcOf(task.NodeUuid);
        var interval = Options.MinCommandInterval;
        var timeout = Options.CommandRetryTimeout;
        var end = task.Now + timeout;
        var attempts = interval > TimeSpan.Zero ? Math.Max((int)(timeout.Ticks / interval.Ticks), 1) : 1;
        while (true)
        {
            attempts--;
            var last = lastCommandTicks[address];
            if (behaviour.Timed && last != NoCommand)
            {
                task.WaitUntil(new DateTimeOffset(last, TimeSpan.Zero) + interval);
            }

            var error = bmc.Execute(task, command, behaviour, context.Random, raw);
            if (last == NoCommand)
            {
                commandedAddresses.Add(address);
            }

            lastCommandTicks[address] = task.Now.UtcTicks;
            if (error is null)
            {
                return;
            }

            var retry = !Options.UseIpmitoolRetries || IsTransient(error);
            if (task.Now > end || attempts == 0 || !retry)
            {
                throw new IpmiFailureException(failedCommand);
            }
        }
    }

    /// <summary>Ironic's <c>_power_status</c>.</summary>
    public PowerState PowerStatus(DriverTask task)
    {
        Execute(task, IpmiCommand.PowerStatus, "power status");
        return SimulatedBmc.PowerOf(task.Machine);
    }

    /// <summary>
    /// Ironic's <c>node_wait_for_power_state</c>: polls the power status, first after 1 s, then
    /// backing off (doubling), until the machine reports <paramref name="target"/>; gives up with
    /// <c>PowerStateFailure</c> when the next wait would pass the timeout.
    /// </summary>
    public void WaitForPowerState(DriverTask task, PowerState target, TimeSpan timeout)
    {
        var waited = TimeSpan.Zero;
        var idle = TimeSpan.FromSeconds(1);
        while (true)
        {
            // The poll count is bounded by the timeout even when waits take no simulated time.
            if (waited + idle > timeout)
            {
                throw new PowerStateFailureException(target.ToIronicName());
            }

            waited += idle;
            if (behaviour.Timed)
            {
                task.Wait(idle);
            }

            if (PowerStatus(task) == target)
            {
                return;
            }

            idle += idle;
        }
    }

    /// <summary>The node's slot entry, its <c>driver_info</c> parsed (the number of its BMC address with it).</summary>
    private ref SlotCache Parsed(DriverTask task)
    {
        if (task.Slot >= slots.Length)
        {
            Array.Resize(ref slots, Math.Max(task.Slot + 1, 2 * slots.Length));
        }

        ref var cached = ref slots[task.Slot];
        if (!ReferenceEquals(cached.Raw, task.DriverInfo))
        {
            var parsed = IpmiDriverInfo.Parse(task.DriverInfo, context.Options.Release);
            (cached.Raw, cached.Parsed, cached.Address) = (task.DriverInfo, parsed, AddressNumber(parsed.Address));
        }

        return ref cached;
    }

    /// <summary>The address's number, given at its first sight.</summary>
    private int AddressNumber(string address)
    {
        if (!addressNumbers.TryGetValue(address, out var number))
        {
            number = addresses.Count;
            addressNumbers.Add(address, number);
            addresses.Add(address);
            lastCommandTicks.Add(NoCommand);
        }

        return number;
    }

    private bool IsTransient(string error) =>
        RetryableFailures.Any(error.Contains) || Options.AdditionalRetryableIpmiErrors.Any(error.Contains);

    /// <summary>What ipmitool keeps per node slot; <see cref="Raw"/> is null until the node's first parse.</summary>
    private struct SlotCache
    {
        public ImmutableSortedDictionary<string, string>? Raw;
        public IpmiDriverInfo? Parsed;
        public int Address;
        public SimulatedBmc? Bmc;
    }
}
