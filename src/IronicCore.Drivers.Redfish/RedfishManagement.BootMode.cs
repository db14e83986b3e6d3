using IronicCore.States;

namespace IronicCore.Drivers.Redfish;

/// <content>
/// Ironic's redfish <c>get_boot_mode</c>, <c>set_boot_mode</c>, <c>get_secure_boot_state</c> and
/// <c>set_secure_boot_state</c>: the system's <c>BootSourceOverrideMode</c> and its <c>SecureBoot</c>
/// resource. The simulated BMC applies a change at once, so 2025.1's and master's check after it
/// (a re-read) finds it done and never reboots the node to apply it.
/// </content>
internal sealed partial class RedfishManagement
{
    /// <summary>The system's boot mode: <c>uefi</c> or <c>bios</c> (the simulated BMC always reports one).</summary>
    public bool TryGetBootMode(DriverTask task, out string? mode)
    {
        mode = IronicBootMode(client.GetSystem(task).BootSourceOverrideMode);
        return true;
    }

    /// <summary>A <c>PATCH</c> of the system's <c>Boot</c> with the mode; 2025.1 and master read the system again to see it applied.</summary>
    public void SetBootMode(DriverTask task, string mode)
    {
        var wanted = mode switch
        {
            "uefi" => RedfishBootSourceOverrideMode.Uefi,
            "bios" => RedfishBootSourceOverrideMode.Legacy,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "The conductor passes uefi or bios only."),
        };
        var system = client.GetSystem(task);
        client.Charge(task, client.Behaviour.RequestLatency);
        system.BootSourceOverrideMode = wanted;
        ReadAgain(task);
    }

    /// <summary><c>SecureBoot.SecureBootEnable</c>, read from the system's <c>SecureBoot</c> resource.</summary>
    public bool TryGetSecureBootState(DriverTask task, out bool? enabled)
    {
        var system = client.GetSystem(task);
        client.Charge(task, client.Behaviour.RequestLatency);
        enabled = system.SecureBootEnable;
        return true;
    }

    /// <summary>
    /// Nothing to do when secure boot is already so; else refused in legacy BIOS boot (a
    /// <c>RedfishError</c>), else a <c>PATCH</c> of <c>SecureBootEnable</c> (2025.1 and master: read again).
    /// </summary>
    /// <exception cref="RedfishErrorException">The system boots in legacy BIOS mode.</exception>
    public void SetSecureBootState(DriverTask task, bool state)
    {
        var system = client.GetSystem(task);
        client.Charge(task, client.Behaviour.RequestLatency);
        if (system.SecureBootEnable == state)
        {
            return;
        }

        if (system.BootSourceOverrideMode == RedfishBootSourceOverrideMode.Legacy)
        {
            throw new RedfishErrorException($"Configuring secure boot requires UEFI for node {task.NodeUuid}");
        }

        client.Charge(task, client.Behaviour.RequestLatency);
        system.SecureBootEnable = state;
        ReadAgain(task);
    }

    /// <summary>Ironic's name of a Redfish boot mode.</summary>
    internal static string IronicBootMode(RedfishBootSourceOverrideMode mode) => mode == RedfishBootSourceOverrideMode.Uefi ? "uefi" : "bios";

    /// <summary>2025.1's and master's forced refresh after a change (<c>_wait_for_boot_mode</c>, <c>_wait_for_secure_boot</c>): one more request.</summary>
    private void ReadAgain(DriverTask task)
    {
        if (client.Release != IronicRelease.Release21_4)
        {
            client.Charge(task, client.Behaviour.RequestLatency);
        }
    }
}
