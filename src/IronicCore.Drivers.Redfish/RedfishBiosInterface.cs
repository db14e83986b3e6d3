using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using IronicCore.Simulation;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// Ironic's <c>redfish</c> BIOS interface (<c>RedfishBIOS</c>): the system's <c>Bios</c> attributes
/// cached on the node, and the clean (and deploy) steps <c>apply_configuration</c> (the settings written to the
/// BIOS's <c>Settings</c> object for the next boot) and <c>factory_reset</c> (<c>Bios.ResetBios</c>),
/// each of which reboots to finish and, run again after the boot, checks and forgets what it asked
/// (Ironic's flags in <c>driver_internal_info</c>). In master neither needs the ramdisk: with none
/// booted, a poll every <c>[redfish] firmware_update_status_interval</c> (Ironic's
/// <c>_query_bios_apply_status</c>) resumes the step once the settings have applied, in
/// <c>clean wait</c>, <c>service wait</c> and a deployment's <c>wait call-back</c>.
/// </summary>
internal sealed partial class RedfishBiosInterface : IBiosInterface, ISimulationEventHandler
{
    private static readonly JsonElement ApplyArgs = JsonElement.Parse("""{"settings": {"description": "A list of BIOS settings to be applied", "required": true}}""");

    private readonly RedfishClient client;
    private readonly SimulationClock clock;
    private DateTimeOffset periodicStart;
    private readonly List<Flags?> flags = [];
    private KeyValuePair<string, string?>[]? defaultsReported;
    private readonly StepDefinition apply;
    private readonly StepDefinition reset;

    public RedfishBiosInterface(RedfishClient client, SimulationClock clock)
    {
        this.client = client;
        this.clock = clock;
        periodicStart = clock.GetUtcNow();
        var master = client.Release == IronicRelease.Master;
        apply = new StepDefinition("bios", "apply_configuration", 0, RequiresRamdisk: !master, ArgsInfo: ApplyArgs);
        reset = new StepDefinition("bios", "factory_reset", 0, RequiresRamdisk: !master);
        CleanSteps = [apply, reset];
        DeploySteps = [apply, reset];
        ServiceSteps = client.Release switch
        {
            IronicRelease.Release21_4 => [],
            IronicRelease.Release2025_1 => [apply],
            _ => [apply, reset],
        };
    }

    public string Name => "redfish";

    public ImmutableArray<StepDefinition> CleanSteps { get; }

    public ImmutableArray<StepDefinition> ServiceSteps { get; }

    /// <summary>Both steps, in every release: a deployment runs them when it asks for them (priority 0).</summary>
    public ImmutableArray<StepDefinition> DeploySteps { get; }

    public bool IsPolling(DriverTask task) => FlagsOf(task.Slot) is { Polling: true };

    public void Validate(DriverTask task) => client.InfoOf(task);

    /// <summary>
    /// The current attributes as Ironic caches them; the same list is handed out until they change
    /// (it is never written), and the defaults' one is shared by every system that still has them.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string?>> ReadSettings(DriverTask task)
    {
        var bios = client.GetSystem(task).Bios;
        return bios.HasDefaults ? defaultsReported ??= Report(bios.Attributes) : bios.Reported ??= Report(bios.Attributes);
    }

    private static KeyValuePair<string, string?>[] Report(IReadOnlyDictionary<string, object> attributes)
    {
        var settings = new KeyValuePair<string, string?>[attributes.Count];
        var i = 0;
        foreach (var (name, value) in attributes)
        {
            settings[i++] = new(name, PythonStr(value));
        }

        return settings;
    }

    public DriverStepOutcome ExecuteStep(DriverTask task, StepDefinition definition, StepRequest? user)
    {
        var system = client.GetSystem(task);
        return definition.Step == "factory_reset" ? FactoryReset(task, system) : ApplyConfiguration(task, system, Setting(user));
    }

    /// <summary>The step's <c>settings</c> argument, when given.</summary>
    private static JsonElement? Setting(StepRequest? user) =>
        user?.Args is { ValueKind: JsonValueKind.Object } args && args.TryGetProperty("settings", out var settings) ? settings : null;

    /// <summary>The poll of one node (Ironic's <c>_query_bios_apply_status</c>, a node periodic of its own spacing).</summary>
    public void Handle(in ScheduledEvent scheduled)
    {
        if (FlagsOf(scheduled.Subject) is not { Task: { } task } state || state.Generation != scheduled.Token)
        {
            return;
        }

        // Only a node waiting on a step (a deployment's too: Ironic's filter has DEPLOYWAIT), unlocked,
        // is visited. The poll goes on while the flags do, whatever the node does meanwhile: flags left
        // by an aborted step make a later wait (another deployment's write_image) resume at the poll.
        if (IsWaiting(task) && !task.IsLocked)
        {
            RedfishSystem? system = null;
            try
            {
                system = client.GetSystem(task);
            }
            catch (Errors.IronicException)
            {
                // Ironic logs that the system cannot be read and tries again at the next poll.
            }

            if (system is not null && (state.Requested is not { } requested || Unapplied(system.Bios, requested).Count == 0))
            {
                task.ResumeStep();
            }
        }

        // The step run again clears the flags (or sets new ones, with their own poll).
        if (ReferenceEquals(FlagsOf(scheduled.Subject), state))
        {
            SchedulePoll(scheduled.Subject, state);
        }
    }

    private static bool IsWaiting(DriverTask task) =>
        task.ProvisionState is ProvisionState.CleanWait or ProvisionState.ServiceWait or ProvisionState.WaitCallBack;

    /// <summary>Ironic's <c>factory_reset</c>: <c>ResetBios</c> and a reboot, then, run again, only the flags cleared.</summary>
    private DriverStepOutcome FactoryReset(DriverTask task, RedfishSystem system)
    {
        if (RebootRequested(task.Slot, factoryReset: true))
        {
            Clear(task.Slot);
            return DriverStepOutcome.Done;
        }

        client.Charge(task, client.Behaviour.RequestLatency);
        system.Bios.Reset();
        return RebootToFinish(task, factoryReset: true, requested: null);
    }

    /// <summary>
    /// Ironic's <c>apply_configuration</c>: the attributes <c>PATCH</c>ed to the <c>Settings</c> object
    /// (apply time <c>OnReset</c>, which the BMC supports) and a reboot; run again, the attributes not
    /// applied fail the step. Master first skips settings the BIOS has already (no reboot).
    /// </summary>
    private DriverStepOutcome ApplyConfiguration(DriverTask task, RedfishSystem system, JsonElement? settings)
    {
        var master = client.Release == IronicRelease.Master;
        var requested = !master || !RebootRequested(task.Slot, factoryReset: false) ? Attributes(settings) : null;
        if (RebootRequested(task.Slot, factoryReset: false))
        {
            var asked = FlagsOf(task.Slot)!.Requested ?? ImmutableSortedDictionary<string, object>.Empty;
            Clear(task.Slot);
            var unapplied = Unapplied(system.Bios, asked);
            return unapplied.Count == 0 ? DriverStepOutcome.Done : throw new RedfishBiosNotAppliedException(PythonDict(unapplied));
        }

        if (master && requested!.All(a => system.Bios.Attributes.TryGetValue(a.Key, out var value) && Same(value, a.Value)
            && (!system.Bios.PendingAttributes.TryGetValue(a.Key, out var waiting) || Same(waiting, a.Value))))
        {
            return DriverStepOutcome.Done;
        }

        client.Charge(task, client.Behaviour.RequestLatency);
        if (SettingsError(requested!) is { } refusal)
        {
            throw new RedfishErrorException($"Redfish BIOS apply configuration failed for node {task.NodeUuid}. Error: " + SushyErrors.Http(
                "PATCH", RedfishClient.Url(system, $"Systems/{system.Id}/Bios/Settings"), 400, refusal.Code, refusal.Message));
        }

        system.Bios.SetPending(requested!);
        return RebootToFinish(task, factoryReset: false, requested);
    }

    /// <summary>Ironic's <c>_set_reboot_requested</c> (21.4: one flag per step; later one for both): the step runs again after the reboot.</summary>
    private DriverStepOutcome RebootToFinish(DriverTask task, bool factoryReset, ImmutableSortedDictionary<string, object>? requested)
    {
        var polling = client.Release == IronicRelease.Master && task.RamdiskDisabled;
        var state = new Flags(factoryReset || client.Release != IronicRelease.Release21_4, !factoryReset, requested, polling, task, (FlagsOf(task.Slot)?.Generation ?? 0) + 1);
        Set(task.Slot, state);
        if (client.Release == IronicRelease.Master)
        {
            SchedulePoll(task.Slot, state);
        }

        return DriverStepOutcome.RebootToFinish;
    }

    /// <summary>The next instant of the node periodic (every spacing from the conductor's start) after now.</summary>
    private void SchedulePoll(int slot, Flags state)
    {
        var spacing = client.Options.FirmwareUpdateStatusInterval;
        if (spacing <= TimeSpan.Zero)
        {
            return;
        }

        var elapsed = clock.GetUtcNow() - periodicStart;
        clock.ScheduleAt(periodicStart + (spacing * (Math.Floor(elapsed / spacing) + 1)), this, 0, slot, state.Generation);
    }

    private bool RebootRequested(int slot, bool factoryReset) =>
        FlagsOf(slot) is { } state && (factoryReset ? state.ResetFlag : state.ConfigFlag);

    /// <summary>Ironic's <c>_clear_reboot_requested</c>.</summary>
    private void Clear(int slot) => Set(slot, null);

    private Flags? FlagsOf(int slot) => slot < flags.Count ? flags[slot] : null;

    private void Set(int slot, Flags? state)
    {
        while (flags.Count <= slot)
        {
            flags.Add(null);
        }

        flags[slot] = state;
    }

    /// <summary>Requested attributes the BIOS does not have yet (master also counts one still pending).</summary>
    private SortedDictionary<string, object> Unapplied(RedfishBios bios, ImmutableSortedDictionary<string, object> requested)
    {
        var purgePending = bios.PendingAttributes.Count <= requested.Count;
        var result = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in requested)
        {
            if (!bios.Attributes.TryGetValue(name, out var current) || !Same(current, value)
                || (client.Release == IronicRelease.Master && purgePending && bios.PendingAttributes.ContainsKey(name)))
            {
                result[name] = value;
            }
        }

        return result;
    }

    /// <summary>Ironic's <c>{s['name']: s['value'] for s in settings}</c>, with Python's errors for what is not such a list.</summary>
    private static ImmutableSortedDictionary<string, object> Attributes(JsonElement? settings)
    {
        if (settings is not { ValueKind: JsonValueKind.Array } list)
        {
            throw new PythonStepErrorException("TypeError", settings is { ValueKind: JsonValueKind.String or JsonValueKind.Object }
                ? "string indices must be integers, not 'str'"
                : "'NoneType' object is not iterable");
        }

        var result = ImmutableSortedDictionary.CreateBuilder<string, object>(StringComparer.Ordinal);
        foreach (var setting in list.EnumerateArray())
        {
            if (setting.ValueKind != JsonValueKind.Object)
            {
                throw new PythonStepErrorException("TypeError", setting.ValueKind == JsonValueKind.String ? "string indices must be integers, not 'str'" : "object is not subscriptable");
            }

            var name = setting.TryGetProperty("name", out var n) ? n : throw new PythonStepErrorException("KeyError", "'name'");
            var value = setting.TryGetProperty("value", out var v) ? v : throw new PythonStepErrorException("KeyError", "'value'");
            result[name.ValueKind == JsonValueKind.String ? name.GetString()! : name.GetRawText()] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number when value.TryGetInt64(out var number) => number,
                _ => value.GetRawText(),
            };
        }

        return result.ToImmutable();
    }

    /// <summary>What the simulated BMC refuses in a <c>PATCH</c> of the settings: an unknown name, or a value of another type than the attribute's.</summary>
    private static (string Code, string Message)? SettingsError(ImmutableSortedDictionary<string, object> requested)
    {
        foreach (var (name, value) in requested)
        {
            if (!RedfishBios.Defaults.TryGetValue(name, out var known))
            {
                return ("Base.1.8.PropertyUnknown", $"The attribute {name} is not known.");
            }

            if (value.GetType() != known.GetType())
            {
                return ("Base.1.8.PropertyValueTypeError", $"The value {PythonRepr(value)} of {name} has the wrong type.");
            }
        }

        return null;
    }

    private static bool Same(object a, object b) => a.Equals(b);

    /// <summary>Python's <c>str()</c> of an attribute's value, as Ironic's database stores it.</summary>
    private static string PythonStr(object value) => value switch
    {
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static string PythonRepr(object value) => value is string s ? $"'{s}'" : PythonStr(value);

    private static string PythonDict(SortedDictionary<string, object> attributes) =>
        "{" + string.Join(", ", attributes.Select(a => $"'{a.Key}': {PythonRepr(a.Value)}")) + "}";

    /// <summary>
    /// Ironic's BIOS flags of one node (<c>post_config_reboot_requested</c>,
    /// <c>post_factory_reset_reboot_requested</c>, later <c>post_bios_reboot_requested</c> or
    /// master's <c>redfish_bios_state</c>), whether its poll drives it, and the task to resume.
    /// </summary>
    private sealed record Flags(bool ResetFlag, bool ConfigFlag, ImmutableSortedDictionary<string, object>? Requested, bool Polling, DriverTask? Task, long Generation);
}
