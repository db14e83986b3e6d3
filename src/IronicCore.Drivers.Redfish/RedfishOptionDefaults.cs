namespace IronicCore.Drivers.Redfish;

/// <summary>Ironic's <c>[redfish]</c> defaults, in one place (master, commit <c>7bc6aba7</c>; where 21.4 or 2025.1 differ, their values beside).</summary>
internal static class RedfishOptionDefaults
{
    public const int ConnectionAttempts = 5;
    public static readonly TimeSpan ConnectionRetryInterval = TimeSpan.FromSeconds(4);

    /// <summary>21.4 publishes virtual media images through Swift by default; 2025.1 and master from the conductor's HTTP server.</summary>
    public const bool UseSwift21_4 = true;
    public const bool UseSwift = false;
    public static readonly TimeSpan FirmwareUpdateStatusInterval = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan FirmwareUpdateFailInterval = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan FirmwareUpdateRebootDelay = TimeSpan.FromSeconds(300);
    public static readonly TimeSpan FirmwareUpdateBmcVersionCheckInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan FirmwareUpdateOverallTimeout = TimeSpan.FromSeconds(7200);
    public const int FirmwareUpdateRequiredSuccesses = 3;
    public static readonly TimeSpan FirmwareUpdateValidationInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan FirmwareUpdateResourceValidationTimeout = TimeSpan.FromSeconds(480);
}
