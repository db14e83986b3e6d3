using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Drivers.Ipmi;

/// <summary>
/// The BMC of one node, as ipmitool meets it: it answers power status/on/off/soft/cycle,
/// chassis boot device, raw (<see cref="RawRequest"/>) and <c>bmc reset</c> commands against the
/// node's <see cref="SimulatedMachine"/>, takes
/// simulated time to answer, and misbehaves as its <see cref="Faults"/> say. Faults that fire are
/// written to its system event log. Not thread-safe: drive it from the simulation's thread.
/// </summary>
public sealed partial class SimulatedBmc
{
    // Made at their first use (an entry, or a read, which then sees later entries as before): most
    // of a million BMCs never record a command, log an event or have a sensor set, and three
    // empty collections were most of a BMC's bytes.
    private List<BmcCommandRecord>? commands;
    private List<string>? systemEventLog;
    private SortedDictionary<string, BmcSensorReading>? sensors;
    private DateTimeOffset resetUntil = DateTimeOffset.MinValue;

    internal SimulatedBmc(string nodeUuid) => NodeUuid = nodeUuid;

    /// <summary>The node the BMC belongs to.</summary>
    public string NodeUuid { get; }

    /// <summary>The faults the BMC has now; set or clear them at any time.</summary>
    public BmcFault Faults { get; set; }

    /// <summary>The boot device last set, or null when none was.</summary>
    public BootDevice? BootDevice { get; private set; }

    /// <summary>Whether <see cref="BootDevice"/> was set for every boot rather than the next one.</summary>
    public bool BootDevicePersistent { get; private set; }

    /// <summary>Every command received, when <see cref="BmcBehaviour.RecordCommands"/> is on.</summary>
    public IReadOnlyList<BmcCommandRecord> Commands => commands ??= [];

    /// <summary>The system event log (SEL): one entry per fault that fired and per sensor that crossed a threshold, with its simulated time.</summary>
    public IReadOnlyList<string> SystemEventLog => systemEventLog ??= [];

    /// <summary>The sensors set so far, by name (what <c>ipmitool sdr</c> would list).</summary>
    public IReadOnlyCollection<BmcSensorReading> Sensors => SensorTable.Values;

    /// <summary>
    /// Sets a sensor's reading, the hook for hardware faults a BMC sees (a failed power supply,
    /// an overheating CPU, a stopped fan). A change of <see cref="BmcSensorReading.Status"/> is
    /// written to the system event log at <paramref name="at"/>: asserted when it leaves
    /// <see cref="BmcSensorStatus.Ok"/> or worsens, deasserted when it returns to it.
    /// </summary>
    /// <param name="reading">The sensor and its new reading.</param>
    /// <param name="at">When it changed (the simulation's time).</param>
    public void SetSensor(BmcSensorReading reading, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentException.ThrowIfNullOrWhiteSpace(reading.Name);
        var before = SensorTable.TryGetValue(reading.Name, out var previous) ? previous.Status : BmcSensorStatus.Ok;
        SensorTable[reading.Name] = reading;
        if (reading.Status != before)
        {
            var change = reading.Status == BmcSensorStatus.Ok ? "deasserted" : $"asserted {SdrName(reading.Status)}";
            Log(at, $"sensor {reading.Name} {change}: {reading.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {reading.Unit}");
        }
    }

    /// <summary>
    /// Runs one command arriving at <paramref name="task"/>'s time, charging the answer's latency;
    /// returns null when answered, else ipmitool's error text.
    /// </summary>
    internal string? Execute(DriverTask task, IpmiCommand command, BmcBehaviour behaviour, SeededRandom random, string? raw = null)
    {
        var at = task.Now;
        var error = Answer(task, command, behaviour, random, raw);
        if (behaviour.RecordCommands)
        {
            (commands ??= []).Add(new BmcCommandRecord(at, raw is null ? command.Text() : $"raw {raw}", error is null));
        }

        return error;
    }

    private string? Answer(DriverTask task, IpmiCommand command, BmcBehaviour behaviour, SeededRandom random, string? raw)
    {
        var machine = task.Machine;
        var now = task.Now;
        if (!machine.Reachable || now < resetUntil
            || ((Faults & BmcFault.Flapping) != 0 && behaviour.FlapPeriod > TimeSpan.Zero && now.Ticks / behaviour.FlapPeriod.Ticks % 2 == 1))
        {
            Charge(task, behaviour, behaviour.SessionTimeout);
            return "Error: Unable to establish IPMI v2 / RMCP+ session";
        }

        var latency = behaviour.CommandLatency + ((2 * random.NextDouble()) - 1) * behaviour.CommandJitter;
        if ((Faults & BmcFault.Slow) != 0)
        {
            latency += behaviour.SlowLatency;
        }

        Charge(task, behaviour, latency);
        if ((Faults & BmcFault.WrongCredentials) != 0)
        {
            Log(now, "session authentication failure (RAKP 2 HMAC is invalid)");
            return "Error: Unable to establish IPMI v2 / RMCP+ session: RAKP 2 HMAC is invalid";
        }

        if ((Faults & BmcFault.ResetMidCommand) != 0)
        {
            Faults &= ~BmcFault.ResetMidCommand;
            resetUntil = task.Now + behaviour.ResetDuration;
            Log(now, "BMC reset during " + command.Text());
            return "BMC initialization in progress";
        }

        if (command.IsPowerAction() && (Faults & BmcFault.PowerActionIgnored) != 0)
        {
            Log(now, "power action ignored: " + command.Text());
            return null;
        }

        switch (command)
        {
            case IpmiCommand.Raw:
                return RawRequest.Answer(machine, raw ?? string.Empty);
            case IpmiCommand.BmcResetWarm or IpmiCommand.BmcResetCold:
                // The BMC restarts: it answers nothing until it is back.
                resetUntil = task.Now + behaviour.ResetDuration;
                Log(now, command.Text());
                return null;
        }

        Apply(machine, command);
        return null;
    }

    /// <summary>What the BMC reports for <c>power status</c>: a machine never powered is off.</summary>
    internal static PowerState PowerOf(SimulatedMachine machine) => machine.PowerState ?? PowerState.PowerOff;

    private void Apply(SimulatedMachine machine, IpmiCommand command)
    {
        switch (command)
        {
            case IpmiCommand.PowerOn when PowerOf(machine) != PowerState.PowerOn:
                machine.SetPowerState(PowerState.PowerOn);
                break;
            case IpmiCommand.PowerOff or IpmiCommand.PowerSoft:
                machine.SetPowerState(PowerState.PowerOff);
                break;
            case >= IpmiCommand.BootdevPxe and <= IpmiCommand.BootdevSafePersistent:
                var (device, persistent) = command.BootDevice();
                BootDevice = device;
                BootDevicePersistent = persistent;
                machine.BootDevice = device;
                break;
        }
    }

    private static void Charge(DriverTask task, BmcBehaviour behaviour, TimeSpan duration)
    {
        if (behaviour.Timed && duration > TimeSpan.Zero)
        {
            task.Wait(duration);
        }
    }

    private static string SdrName(BmcSensorStatus status) => status switch
    {
        BmcSensorStatus.NonCritical => "nc",
        BmcSensorStatus.Critical => "cr",
        BmcSensorStatus.NonRecoverable => "nr",
        _ => "ok",
    };

    private SortedDictionary<string, BmcSensorReading> SensorTable => sensors ??= new(StringComparer.Ordinal);

    private void Log(DateTimeOffset at, string entry) =>
        (systemEventLog ??= []).Add(at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture) + " " + entry);
}
