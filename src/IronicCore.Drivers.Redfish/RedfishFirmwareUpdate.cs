namespace IronicCore.Drivers.Redfish;

/// <summary>One entry of Ironic's <c>redfish_fw_updates</c>: a component's image and where its update stands.</summary>
internal sealed class RedfishFirmwareUpdate(string component, string url, long? wait)
{
    public string Component { get; } = component;

    public string Url { get; } = url;

    /// <summary><c>wait</c>: seconds to wait after the update (master: also the BMC's version-check timeout).</summary>
    public long? Wait { get; set; } = wait;

    /// <summary><c>task_monitor</c>: the BMC's task of this update.</summary>
    public string? Monitor { get; set; }

    /// <summary><c>wait_start_time</c>.</summary>
    public DateTimeOffset? WaitStart { get; set; }

    /// <summary>Master's <c>bmc_check_start_time</c>.</summary>
    public DateTimeOffset? BmcCheckStart { get; set; }

    /// <summary>Master's <c>bmc_version_checking</c>.</summary>
    public bool BmcVersionChecking { get; set; }

    /// <summary>Master's <c>bios_reboot_triggered</c>.</summary>
    public bool BiosRebootTriggered { get; set; }

    /// <summary>Master's <c>bmc_update_completed</c>.</summary>
    public bool BmcUpdateCompleted { get; set; }
}
