namespace IronicCore.States;

/// <summary>
/// The named sets of provision states in <c>ironic/common/states.py</c>, read with
/// <see cref="ProvisionStateMachine.StatesIn(ProvisionStateSet)"/>.
/// </summary>
public enum ProvisionStateSet : byte
{
    /// <summary><c>UPDATE_ALLOWED_STATES</c>: node updates are allowed although a target state is set.</summary>
    [IronicName("UPDATE_ALLOWED_STATES")] UpdateAllowedStates,

    /// <summary><c>DELETE_ALLOWED_STATES</c>: a node outside maintenance may be deleted.</summary>
    [IronicName("DELETE_ALLOWED_STATES")] DeleteAllowedStates,

    /// <summary><c>STABLE_STATES</c>: states a node rests in.</summary>
    [IronicName("STABLE_STATES")] StableStates,

    /// <summary><c>UNSTABLE_STATES</c>: states with work in progress.</summary>
    [IronicName("UNSTABLE_STATES")] UnstableStates,

    /// <summary><c>STUCK_STATES_TREATED_AS_FAIL</c>: failed by a starting conductor.</summary>
    [IronicName("STUCK_STATES_TREATED_AS_FAIL")] StuckStatesTreatedAsFail,

    /// <summary><c>LOOKUP_ALLOWED_STATES</c>: the agent may look the node up.</summary>
    [IronicName("LOOKUP_ALLOWED_STATES")] LookupAllowedStates,

    /// <summary><c>FASTTRACK_LOOKUP_ALLOWED_STATES</c>: lookup is allowed with fast track.</summary>
    [IronicName("FASTTRACK_LOOKUP_ALLOWED_STATES")] FastTrackLookupAllowedStates,

    /// <summary><c>FAILURE_STATES</c>: the <c>* failed</c> states.</summary>
    [IronicName("FAILURE_STATES")] FailureStates,
}
