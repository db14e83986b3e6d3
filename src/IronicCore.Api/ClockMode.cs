namespace IronicCore.Api;

/// <summary>What moves the simulation's virtual clock while the API serves.</summary>
internal enum ClockMode
{
    /// <summary>The wall clock (times <see cref="ServeOptions.Speed"/>), so clients that poll and wait work as against Ironic.</summary>
    Real,

    /// <summary>Only <c>POST /_sim/advance</c>: deterministic test suites decide when time passes.</summary>
    Virtual,
}
