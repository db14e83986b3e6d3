using System.Collections.Immutable;
using static IronicCore.States.ProvisionState;

namespace IronicCore.States;

/// <summary>
/// Ironic master's named state sets. A release without some states simply lacks them
/// (<see cref="ProvisionStateMachine.StatesIn(ProvisionStateSet)"/> filters).
/// </summary>
/// <remarks>
/// Ironic's <c>UPDATE_ALLOWED_STATES</c> also holds the string <c>"service"</c>, which is the
/// verb, not a state: no node can be in it, so it has no member here.
/// </remarks>
internal static class ProvisionStateSetDefinition
{
    /// <summary>The set as <paramref name="profile"/>'s release defines it (before dropping the states it lacks).</summary>
    public static IEnumerable<ProvisionState> Of(ProvisionStateSet set, ReleaseProfile profile) =>
        set == ProvisionStateSet.LookupAllowedStates && !profile.LookupInServiceWait
            ? Of(set).Where(s => s != ServiceWait)
            : Of(set);

    public static ImmutableArray<ProvisionState> Of(ProvisionStateSet set) => set switch
    {
        ProvisionStateSet.UpdateAllowedStates =>
            [DeployFailed, Inspecting, InspectFailed, InspectWait, CleanFailed, Error, Verifying, AdoptFailed,
             RescueFailed, UnrescueFailed, ServiceHold, ServiceFailed],
        ProvisionStateSet.DeleteAllowedStates => [Manageable, Enroll, AdoptFailed],
        ProvisionStateSet.StableStates => [Enroll, Manageable, Available, Active, Error, Rescue],
        ProvisionStateSet.UnstableStates =>
            [Deploying, WaitCallBack, Cleaning, CleanWait, Verifying, Deleting, Inspecting, InspectWait, Adopting,
             Rescuing, RescueWait, Unrescuing, Servicing, ServiceWait],
        ProvisionStateSet.StuckStatesTreatedAsFail =>
            [Deploying, Cleaning, Verifying, Inspecting, Adopting, Rescuing, Unrescuing, Deleting, Servicing],
        ProvisionStateSet.LookupAllowedStates =>
            [Deploying, WaitCallBack, Cleaning, CleanWait, Inspecting, InspectWait, Rescuing, RescueWait, ServiceWait],
        ProvisionStateSet.FastTrackLookupAllowedStates =>
            [Enroll, Manageable, Available, Deploying, WaitCallBack, Cleaning, CleanWait, Inspecting, InspectWait,
             Rescuing, RescueWait, Servicing, ServiceWait, ServiceHold],
        ProvisionStateSet.FailureStates =>
            [DeployFailed, CleanFailed, InspectFailed, RescueFailed, UnrescueFailed, AdoptFailed, ServiceFailed],
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, null),
    };
}
