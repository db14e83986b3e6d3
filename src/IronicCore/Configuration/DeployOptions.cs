namespace IronicCore.Configuration;

/// <summary>
/// Ironic's <c>[deploy]</c> options: agent step priorities, fast track and deploy failures.
/// Immutable once built; <see cref="ConductorOptions.Validate"/> checks them.
/// </summary>
[NotSimulatedOption("create_configuration_priority", "it sets the priority of the agent RAID interface's create_configuration clean step, and no node IronicCore runs has the agent RAID interface (fake or no-raid only).")]
[NotSimulatedOption("delete_configuration_priority", "it sets the priority of the agent RAID interface's delete_configuration clean step, and no node IronicCore runs has the agent RAID interface (fake or no-raid only).")]
[IronicSection("deploy")]
public sealed class DeployOptions
{
    /// <summary>
    /// <c>[deploy] erase_devices_priority</c>: the priority of the agent's <c>deploy.erase_devices</c>
    /// clean step; unset keeps the agent's (10), 0 keeps the step out of automated cleaning.
    /// </summary>
    /// <value>Default: unset. Limits: none.</value>
    [IronicOption("erase_devices_priority")]
    public int? EraseDevicesPriority { get; init; }

    /// <summary>
    /// <c>[deploy] erase_devices_metadata_priority</c>: the priority of the agent's
    /// <c>deploy.erase_devices_metadata</c> clean step; unset keeps the agent's (99), 0 keeps the
    /// step out of automated cleaning.
    /// </summary>
    /// <value>Default: unset. Limits: none.</value>
    [IronicOption("erase_devices_metadata_priority")]
    public int? EraseDevicesMetadataPriority { get; init; }

    /// <summary>
    /// <c>[deploy] fast_track</c>: whether a running agent may look up and heartbeat in
    /// <c>enroll</c>, <c>manageable</c> and <c>available</c>, so later operations reuse it instead of
    /// rebooting into a new one.
    /// </summary>
    /// <value>Default: <c>false</c>. Limits: none.</value>
    [IronicOption("fast_track")]
    public bool FastTrack { get; init; } = OptionDefaults.FastTrack;

    /// <summary>
    /// <c>[deploy] fast_track_timeout</c>: how recent the last heartbeat must be for the agent to count
    /// as alive for fast track.
    /// </summary>
    /// <value>Default: 300 s. Limits: 0 to 300 s.</value>
    [IronicOption("fast_track_timeout")]
    [SecondsRange(0, 300)]
    public TimeSpan FastTrackTimeout { get; init; } = OptionDefaults.FastTrackTimeout;

    /// <summary>
    /// <c>[deploy] power_off_after_deploy_failure</c>: whether a node is powered off when its deploy
    /// fails.
    /// </summary>
    /// <value>Default: <c>true</c>. Limits: none.</value>
    [IronicOption("power_off_after_deploy_failure")]
    public bool PowerOffAfterDeployFailure { get; init; } = OptionDefaults.PowerOffAfterDeployFailure;

    /// <summary>
    /// <c>[deploy] http_url</c>: the conductor's HTTP server, from which iPXE clients load
    /// <c>boot.ipxe</c> and the agent may load images.
    /// </summary>
    /// <value>
    /// Default: unset. Limits: an <c>http://</c> or <c>https://</c> URL with a host (21.4: any
    /// string).
    /// </value>
    [IronicOption("http_url")]
    public string? HttpUrl { get; init; }
}
