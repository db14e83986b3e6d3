using IronicCore.States;

namespace IronicCore.Nodes;

/// <summary>
/// A node's <c>fault</c>: why the conductor, not an operator, put it in maintenance
/// (<c>ironic/common/faults.py</c>). Only the conductor sets it; clearing maintenance clears it.
/// </summary>
public enum NodeFault : byte
{
    /// <summary><c>power failure</c>: power sync gave up on the BMC; the recovery task clears it.</summary>
    [IronicName("power failure")] PowerFailure,

    /// <summary><c>clean failure</c>: a clean step failed.</summary>
    [IronicName("clean failure")] CleanFailure,

    /// <summary><c>rescue abort failure</c>: clean-up after an aborted rescue failed.</summary>
    [IronicName("rescue abort failure")] RescueAbortFailure,

    /// <summary><c>service failure</c>: a service step failed (Ironic master only).</summary>
    [IronicName("service failure")] ServiceFailure,
}
