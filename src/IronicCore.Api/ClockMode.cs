namespace IronicCore.Api;

/// <summary>What moves the conductor's virtual clock while Ironic's API serves it.</summary>
public enum ClockMode
{
    /// <summary>
    /// The wall clock (times <see cref="IronicApiOptions.Speed"/>): the conductor's workers and
    /// periodic tasks run as they fall due, so clients that poll and wait work as against Ironic.
    /// </summary>
    Real,

    /// <summary>Only <c>POST /_sim/advance</c>: deterministic test suites decide when time passes.</summary>
    Virtual,
}
