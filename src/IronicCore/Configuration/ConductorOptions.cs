using IronicCore.States;

namespace IronicCore.Configuration;

/// <summary>
/// Ironic's configuration as the conductor reads it: the <c>[conductor]</c> options as properties,
/// the other sections of the conductor (<see cref="Deploy"/>, <see cref="Api"/>, <see cref="Agent"/>,
/// <see cref="DefaultSection"/>) as nested objects, and the sections driver packages bring
/// (<c>[ipmi]</c>, <c>[pxe]</c>, <c>[dhcp]</c>, ...) in <see cref="DriverSections"/>. Every property
/// carries the Ironic option's name and default; durations are <see cref="TimeSpan"/>s of whole
/// seconds, as Ironic counts them.
/// </summary>
/// <remarks>
/// <para>
/// <c>new ConductorOptions()</c> holds master's defaults; <see cref="ForRelease"/> or
/// <c>new ConductorOptions(release) { … }</c> another release's. Scenario files and the REST API set
/// options by Ironic's <c>"section.option"</c> names through <see cref="FromNames"/>.
/// </para>
/// <para>
/// Immutable once built, hence thread-safe. Nothing is checked while properties are set:
/// <see cref="Validate"/> checks everything at once, and whoever builds a conductor calls it.
/// </para>
/// </remarks>
[IronicSection("conductor")]
public sealed partial class ConductorOptions
{
    /// <summary>Creates master's defaults.</summary>
    public ConductorOptions()
        : this(IronicRelease.Master)
    {
    }

    /// <summary>Creates the defaults of <paramref name="release"/>, sections included.</summary>
    /// <param name="release">The Ironic release whose defaults and rules apply.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="release"/> is not a defined release.</exception>
    public ConductorOptions(IronicRelease release)
    {
        if (!Enum.IsDefined(release))
        {
            throw new ArgumentOutOfRangeException(nameof(release), release, "Not an Ironic release IronicCore knows.");
        }

        Release = release;
        WorkersPoolSize = OptionDefaults.For(
            release, OptionDefaults.WorkersPoolSize21_4, OptionDefaults.WorkersPoolSize, OptionDefaults.WorkersPoolSize);
        ReservedWorkersPoolPercentage = OptionDefaults.For(
            release, OptionDefaults.ReservedWorkersPoolPercentage21_4, OptionDefaults.ReservedWorkersPoolPercentage, OptionDefaults.ReservedWorkersPoolPercentage);
        SyncPowerStateInterval = OptionDefaults.For(
            release, OptionDefaults.SyncPowerStateInterval21_4, OptionDefaults.SyncPowerStateInterval2025_1, OptionDefaults.SyncPowerStateInterval);
        Api = new ApiOptions(release);
        Agent = new AgentOptions(release);
    }

    /// <summary>
    /// The Ironic release these options are for. It chose the defaults, and <see cref="Validate"/> applies
    /// its rules: 21.4 knows no master-only option and has no start-up check of the worker pool.
    /// </summary>
    /// <value>The release given to the constructor; <see cref="IronicRelease.Master"/> by default.</value>
    public IronicRelease Release { get; }

    /// <summary>Ironic's <c>[DEFAULT]</c> section: hash ring and new-node defaults.</summary>
    /// <value>Ironic's defaults.</value>
    public DefaultSectionOptions DefaultSection { get; init; } = new();

    /// <summary>Ironic's <c>[deploy]</c> section: step priorities, fast track, deploy failures.</summary>
    /// <value>Ironic's defaults.</value>
    public DeployOptions Deploy { get; init; } = new();

    /// <summary>Ironic's <c>[api]</c> section: ramdisk endpoints and disallowed steps.</summary>
    /// <value>The defaults of <see cref="Release"/>.</value>
    public ApiOptions Api { get; init; }

    /// <summary>Ironic's <c>[agent]</c> section: how the conductor talks to the ramdisk agent.</summary>
    /// <value>The defaults of <see cref="Release"/>.</value>
    public AgentOptions Agent { get; init; }

    /// <summary>
    /// <c>[conductor] node_history</c>: whether noteworthy node events are journaled. In master a
    /// power sync that finds the expected state also clears <c>last_error</c> when this is set.
    /// </summary>
    /// <value>Default: <c>true</c>. Limits: none.</value>
    [IronicOption("node_history")]
    public bool NodeHistory { get; init; } = OptionDefaults.NodeHistory;

    /// <summary>The defaults of <paramref name="release"/>; the same as <c>new ConductorOptions(release)</c>.</summary>
    /// <param name="release">The Ironic release whose defaults and rules apply.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="release"/> is not a defined release.</exception>
    public static ConductorOptions ForRelease(IronicRelease release) => new(release);
}
