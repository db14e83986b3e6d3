namespace IronicCore.Drivers.Redfish;

/// <summary>
/// One node's firmware updates in progress (Ironic's <c>driver_internal_info</c>
/// <c>redfish_fw_updates</c> and master's companions): the updates still to apply, the first one
/// running, and the poll that follows them.
/// </summary>
internal sealed class RedfishFirmwareUpdates(DriverTask? task, long generation)
{
    /// <summary>The node's task (set again after a snapshot is loaded).</summary>
    public DriverTask? Task { get; set; } = task;

    /// <summary>Which poll is the node's: an older scheduled one finds another generation and stops.</summary>
    public long Generation { get; } = generation;

    /// <summary>The updates still to apply; the first is running.</summary>
    public List<RedfishFirmwareUpdate> Settings { get; } = [];

    /// <summary>Master's <c>redfish_fw_update_start_time</c>: when the step started (the overall timeout counts from it).</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Master's <c>firmware_reboot_requested</c>: the last update ends with a reboot.</summary>
    public bool RebootRequested { get; set; }

    /// <summary>Master's <c>cleaning_reboot</c> as the running update's set-up left it: the next update reboots to start.</summary>
    public bool Reboot { get; set; }

    /// <summary>Master's <c>bmc_fw_version_before_update</c>.</summary>
    public string? BmcVersionBefore { get; set; }
}
