namespace IronicCore.States;

/// <summary>What Ironic's <c>add_state</c> says of a state, and which releases have it.</summary>
internal readonly record struct StateDescription(
    ProvisionState State, bool Stable, ProvisionState? Target, bool MasterOnly);
