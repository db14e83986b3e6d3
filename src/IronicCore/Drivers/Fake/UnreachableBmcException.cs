using IronicCore.Errors;

namespace IronicCore.Drivers.Fake;

/// <summary>
/// What the <c>fake</c> power interface raises while its machine's BMC does not answer
/// (<see cref="SimulatedMachine.Reachable"/> false). Ironic's fake power never fails; the
/// oracle's simulated one raises Ironic's <c>IPMIFailure</c> there, and Ironic's conductor records
/// whatever a power interface raised by its message alone. So this keeps that error's class, status
/// and words without the core knowing a vendor driver: the typed <c>IPMIFailure</c> of the ipmi
/// hardware type is IronicCore.Drivers.Ipmi's. Callers see an <see cref="IronicException"/>.
/// </summary>
internal sealed class UnreachableBmcException : IronicException
{
    /// <param name="command">The call that got no answer, e.g. "power status".</param>
    public UnreachableBmcException(string command)
        : base("IPMIFailure", 500, $"IPMI call failed: {command}.")
    {
    }
}
