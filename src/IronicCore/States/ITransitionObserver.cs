namespace IronicCore.States;

/// <summary>
/// Receives every provision state change, in order, on the simulation's thread, as it
/// happens (the node already shows the new state). Keep it quick: it runs on the hot path.
/// </summary>
public interface ITransitionObserver
{
    /// <summary>Called once per transition.</summary>
    /// <param name="transition">The transition.</param>
    void OnTransition(in TransitionRecord transition);
}
