namespace IronicCore.Drivers.Ipmi;

/// <summary>A sensor's state as <c>ipmitool sdr</c> lists it.</summary>
public enum BmcSensorStatus
{
    /// <summary><c>ok</c>: within its thresholds.</summary>
    Ok,

    /// <summary><c>nc</c>: past a non-critical threshold.</summary>
    NonCritical,

    /// <summary><c>cr</c>: past a critical threshold.</summary>
    Critical,

    /// <summary><c>nr</c>: past a non-recoverable threshold.</summary>
    NonRecoverable,
}
