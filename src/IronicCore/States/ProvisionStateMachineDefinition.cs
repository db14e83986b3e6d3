using System.Collections.Immutable;
using Stateless;
using static IronicCore.States.ProvisionEvent;
using static IronicCore.States.ProvisionState;

namespace IronicCore.States;

/// <summary>
/// The one definition of Ironic's provision state machine (<c>ironic/common/states.py</c>),
/// written with Stateless. Everything else is derived from it: the compiled
/// <see cref="ProvisionStateMachine"/> table, and the JSON, Mermaid and DOT exports.
/// </summary>
internal static class ProvisionStateMachineDefinition
{
    /// <summary>The guard on what only Ironic master has.</summary>
    public const string MasterOnlyGuard = "Ironic master only";

    /// <summary>The guard on what Ironic 2025.1 and master have, and 21.4 does not.</summary>
    public const string Since2025_1Guard = "Ironic 2025.1 and master";

    public const ProvisionState InitialState = Enroll;

    /// <summary>Each state's stable flag and target, and whether it is a hold or service state.</summary>
    public static ImmutableArray<StateDescription> States { get; } =
    [
        Stable(ProvisionState.Active),
        Transient(AdoptFailed, ProvisionState.Active),
        Transient(Adopting, ProvisionState.Active),
        Stable(Available),
        Transient(CleanFailed, Available),
        Transient(CleanHold, Available, holdOrService: true),
        Transient(CleanWait, Available),
        Transient(Cleaning, Available),
        Transient(Deleting, Available),
        Transient(DeployFailed, ProvisionState.Active),
        Transient(DeployHold, ProvisionState.Active, holdOrService: true),
        Transient(Deploying, ProvisionState.Active),
        Stable(Enroll),
        Stable(Error),
        Transient(InspectFailed, Manageable),
        Transient(InspectWait, Manageable),
        Transient(Inspecting, Manageable),
        Stable(Manageable),
        Stable(ProvisionState.Rescue),
        Transient(RescueFailed, ProvisionState.Rescue),
        Transient(RescueWait, ProvisionState.Rescue),
        Transient(Rescuing, ProvisionState.Rescue),
        Transient(ServiceFailed, ProvisionState.Active, holdOrService: true),
        Transient(ServiceHold, ProvisionState.Active, holdOrService: true),
        Transient(ServiceWait, ProvisionState.Active, holdOrService: true),
        Transient(Servicing, ProvisionState.Active, holdOrService: true),
        Transient(UnrescueFailed, ProvisionState.Active),
        Transient(Unrescuing, ProvisionState.Active),
        Transient(Verifying, Manageable),
        Transient(WaitCallBack, ProvisionState.Active),
    ];

    /// <summary>The event each API verb fires, as Ironic's <c>VERBS</c> table (plus <c>rebuild</c>).</summary>
    public static ProvisionEvent EventOf(ApiVerb verb) => verb switch
    {
        ApiVerb.Active or ApiVerb.Deploy => ProvisionEvent.Deploy,
        ApiVerb.Deleted or ApiVerb.Undeploy => ProvisionEvent.Delete,
        ApiVerb.Manage => ProvisionEvent.Manage,
        ApiVerb.Provide => ProvisionEvent.Provide,
        ApiVerb.Inspect => ProvisionEvent.Inspect,
        ApiVerb.Abort => ProvisionEvent.Abort,
        ApiVerb.Clean => ProvisionEvent.Clean,
        ApiVerb.Adopt => ProvisionEvent.Adopt,
        ApiVerb.Rescue => ProvisionEvent.Rescue,
        ApiVerb.Unrescue => ProvisionEvent.Unrescue,
        ApiVerb.Unhold => ProvisionEvent.Unhold,
        ApiVerb.Service => ProvisionEvent.Service,
        ApiVerb.Rebuild => ProvisionEvent.Rebuild,
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, null),
    };

    /// <summary>The verbs of holds and servicing, which a release without them does not know.</summary>
    public static bool IsHoldOrServiceVerb(ApiVerb verb) => verb is ApiVerb.Unhold or ApiVerb.Service;

    /// <summary>
    /// Builds the machine for <paramref name="release"/> over externally stored state: the
    /// transitions some releases lack carry a guard (<see cref="Since2025_1Guard"/>,
    /// <see cref="MasterOnlyGuard"/>), open as the release's <see cref="ReleaseProfile"/> says.
    /// </summary>
    public static StateMachine<ProvisionState, ProvisionEvent> Build(
        IronicRelease release, Func<ProvisionState> read, Action<ProvisionState> write)
    {
        var machine = new StateMachine<ProvisionState, ProvisionEvent>(read, write, FiringMode.Immediate);
        var profile = ReleaseProfile.For(release);
        Func<bool> holdsAndServicing = () => profile.HoldsAndServicing;
        Func<bool> abortInWaitCallBack = () => profile.AbortInWaitCallBack;
        Func<bool> resumeInInspectWait = () => profile.ResumeInInspectWait;
        Func<bool> abortInServiceFailed = () => profile.AbortInServiceFailed;
        Func<bool> serviceFailedWaitsAndHolds = () => profile.ServiceFailedWaitsAndHolds;

        machine.Configure(Enroll)
            .Permit(Manage, Verifying);
        machine.Configure(Verifying)
            .Permit(Done, Manageable)
            .Permit(Fail, Enroll);
        machine.Configure(Manageable)
            .Permit(Provide, Cleaning)
            .Permit(Clean, Cleaning)
            .Permit(Inspect, Inspecting)
            .Permit(Adopt, Adopting);
        machine.Configure(Available)
            .Permit(ProvisionEvent.Deploy, Deploying)
            .Permit(Manage, Manageable);

        machine.Configure(Deploying)
            .Permit(Done, ProvisionState.Active)
            .Permit(Fail, DeployFailed)
            .Permit(Wait, WaitCallBack)
            .PermitIf(Hold, DeployHold, holdsAndServicing, Since2025_1Guard);
        machine.Configure(WaitCallBack)
            .Permit(Resume, Deploying)
            .Permit(Fail, DeployFailed)
            .Permit(Delete, Deleting)
            .PermitIf(Abort, DeployFailed, abortInWaitCallBack, MasterOnlyGuard)
            .PermitIf(Hold, DeployHold, holdsAndServicing, Since2025_1Guard);
        machine.Configure(DeployHold)
            .PermitIf(Unhold, WaitCallBack, holdsAndServicing, Since2025_1Guard)
            .PermitIf(Abort, DeployFailed, holdsAndServicing, Since2025_1Guard);
        machine.Configure(DeployFailed)
            .Permit(ProvisionEvent.Deploy, Deploying)
            .Permit(Rebuild, Deploying)
            .Permit(Delete, Deleting);
        machine.Configure(ProvisionState.Active)
            .Permit(Delete, Deleting)
            .Permit(Rebuild, Deploying)
            .Permit(ProvisionEvent.Rescue, Rescuing)
            .PermitIf(Service, Servicing, holdsAndServicing, Since2025_1Guard);

        machine.Configure(Deleting)
            .Permit(Clean, Cleaning)
            .Permit(Fail, Error);
        machine.Configure(Error)
            .Permit(Rebuild, Deploying)
            .Permit(Delete, Deleting);

        machine.Configure(Cleaning)
            .Permit(Done, Available)
            .Permit(Fail, CleanFailed)
            .Permit(Wait, CleanWait)
            .Permit(Manage, Manageable)
            .PermitIf(Hold, CleanHold, holdsAndServicing, Since2025_1Guard);
        machine.Configure(CleanWait)
            .Permit(Resume, Cleaning)
            .Permit(Fail, CleanFailed)
            .Permit(Abort, CleanFailed)
            .PermitIf(Hold, CleanHold, holdsAndServicing, Since2025_1Guard);
        machine.Configure(CleanHold)
            .PermitIf(Unhold, CleanWait, holdsAndServicing, Since2025_1Guard)
            .PermitIf(Abort, CleanFailed, holdsAndServicing, Since2025_1Guard);
        machine.Configure(CleanFailed)
            .Permit(Manage, Manageable);

        machine.Configure(Inspecting)
            .Permit(Done, Manageable)
            .Permit(Fail, InspectFailed)
            .Permit(Wait, InspectWait);
        machine.Configure(InspectWait)
            .Permit(Done, Manageable)
            .Permit(Fail, InspectFailed)
            .Permit(Abort, InspectFailed)
            .PermitIf(Resume, Inspecting, resumeInInspectWait, Since2025_1Guard);
        machine.Configure(InspectFailed)
            .Permit(Inspect, Inspecting)
            .Permit(Manage, Manageable);

        machine.Configure(Adopting)
            .Permit(Done, ProvisionState.Active)
            .Permit(Fail, AdoptFailed);
        machine.Configure(AdoptFailed)
            .Permit(Adopt, Adopting)
            .Permit(Manage, Manageable);

        machine.Configure(Rescuing)
            .Permit(Done, ProvisionState.Rescue)
            .Permit(Fail, RescueFailed)
            .Permit(Wait, RescueWait);
        machine.Configure(RescueWait)
            .Permit(Resume, Rescuing)
            .Permit(Fail, RescueFailed)
            .Permit(Abort, RescueFailed)
            .Permit(Delete, Deleting);
        machine.Configure(ProvisionState.Rescue)
            .Permit(ProvisionEvent.Rescue, Rescuing)
            .Permit(Unrescue, Unrescuing)
            .Permit(Delete, Deleting);
        machine.Configure(RescueFailed)
            .Permit(ProvisionEvent.Rescue, Rescuing)
            .Permit(Unrescue, Unrescuing)
            .Permit(Delete, Deleting);
        machine.Configure(Unrescuing)
            .Permit(Done, ProvisionState.Active)
            .Permit(Fail, UnrescueFailed);
        machine.Configure(UnrescueFailed)
            .Permit(ProvisionEvent.Rescue, Rescuing)
            .Permit(Unrescue, Unrescuing)
            .Permit(Delete, Deleting);

        machine.Configure(Servicing)
            .PermitIf(Done, ProvisionState.Active, holdsAndServicing, Since2025_1Guard)
            .PermitIf(Fail, ServiceFailed, holdsAndServicing, Since2025_1Guard)
            .PermitIf(Wait, ServiceWait, holdsAndServicing, Since2025_1Guard)
            .PermitIf(Hold, ServiceHold, holdsAndServicing, Since2025_1Guard);
        machine.Configure(ServiceWait)
            .PermitIf(Resume, Servicing, holdsAndServicing, Since2025_1Guard)
            .PermitIf(Fail, ServiceFailed, holdsAndServicing, Since2025_1Guard)
            .PermitIf(Abort, ServiceFailed, holdsAndServicing, Since2025_1Guard)
            .PermitIf(Hold, ServiceHold, holdsAndServicing, Since2025_1Guard)
            .PermitIf(Delete, Deleting, holdsAndServicing, Since2025_1Guard);
        machine.Configure(ServiceHold)
            .PermitIf(Unhold, ServiceWait, holdsAndServicing, Since2025_1Guard)
            .PermitIf(Service, Servicing, holdsAndServicing, Since2025_1Guard)
            .PermitIf(Abort, ServiceFailed, holdsAndServicing, Since2025_1Guard)
            .PermitIf(Fail, ServiceFailed, serviceFailedWaitsAndHolds, MasterOnlyGuard);
        machine.Configure(ServiceFailed)
            .PermitIf(Service, Servicing, holdsAndServicing, Since2025_1Guard)
            .PermitIf(Abort, ProvisionState.Active, abortInServiceFailed, MasterOnlyGuard)
            .PermitIf(Wait, ServiceWait, serviceFailedWaitsAndHolds, MasterOnlyGuard)
            .PermitIf(Hold, ServiceHold, serviceFailedWaitsAndHolds, MasterOnlyGuard)
            .PermitIf(ProvisionEvent.Rescue, Rescuing, holdsAndServicing, Since2025_1Guard)
            .PermitIf(Delete, Deleting, holdsAndServicing, Since2025_1Guard);

        return machine;
    }

    private static StateDescription Stable(ProvisionState state) => new(state, true, null, false);

    private static StateDescription Transient(ProvisionState state, ProvisionState target, bool holdOrService = false) =>
        new(state, false, target, holdOrService);
}
