namespace IronicCore.States;

/// <summary>What Ironic's <c>add_state</c> says of a state, and whether it is a hold or service state (which some releases lack).</summary>
internal readonly record struct StateDescription(
    ProvisionState State, bool Stable, ProvisionState? Target, bool HoldOrService);
