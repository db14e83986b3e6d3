namespace IronicCore;

// The driver packages' states a conductor keeps in its snapshots (what their hardware types and
// networks remember beyond the core's node, machine and task state).
public sealed partial class Conductor
{
    private readonly DriverStateTable driverStates = new();

    /// <summary>
    /// The driver states registered with <see cref="AddDriverState"/>, in that order; a loaded
    /// conductor's are those its driver packages restored (find a package's by its type, e.g. its
    /// hardware type's BMCs or its network).
    /// </summary>
    public IReadOnlyList<DriverState> DriverStates => driverStates.States;

    /// <summary>
    /// Registers what a driver package added to this conductor (a hardware type, a network), so that
    /// <see cref="Save"/> keeps it and <see cref="Load"/> restores it through its
    /// <see cref="DriverState.Package"/>. A package calls it when it adds its part, after the states
    /// whose parts it uses. Snapshots keep the states in this order.
    /// </summary>
    /// <param name="state">The state.</param>
    /// <exception cref="ArgumentException">The state is registered already.</exception>
    public void AddDriverState(DriverState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        driverStates.Add(state);
    }
}
