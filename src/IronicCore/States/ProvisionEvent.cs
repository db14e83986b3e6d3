namespace IronicCore.States;

/// <summary>
/// An event of Ironic's provision state machine: the 18 names that label its transitions.
/// API verbs map onto these (<see cref="ApiVerb"/>); the others (<see cref="Done"/>,
/// <see cref="Fail"/>, <see cref="Wait"/>, <see cref="Resume"/>, <see cref="Hold"/>) are
/// fired by the conductor itself.
/// </summary>
public enum ProvisionEvent : byte
{
    /// <summary><c>abort</c>.</summary>
    [IronicName("abort")] Abort,

    /// <summary><c>adopt</c>.</summary>
    [IronicName("adopt")] Adopt,

    /// <summary><c>clean</c>: manual cleaning, or the step from <c>deleting</c> into cleaning.</summary>
    [IronicName("clean")] Clean,

    /// <summary><c>delete</c>: tear down an instance.</summary>
    [IronicName("delete")] Delete,

    /// <summary><c>deploy</c>.</summary>
    [IronicName("deploy")] Deploy,

    /// <summary><c>done</c>: a worker finished successfully.</summary>
    [IronicName("done")] Done,

    /// <summary><c>fail</c>: a worker failed.</summary>
    [IronicName("fail")] Fail,

    /// <summary><c>hold</c>: a <c>hold</c> step paused the operation.</summary>
    [IronicName("hold")] Hold,

    /// <summary><c>inspect</c>.</summary>
    [IronicName("inspect")] Inspect,

    /// <summary><c>manage</c>.</summary>
    [IronicName("manage")] Manage,

    /// <summary><c>provide</c>.</summary>
    [IronicName("provide")] Provide,

    /// <summary><c>rebuild</c>: redeploy an instance.</summary>
    [IronicName("rebuild")] Rebuild,

    /// <summary><c>rescue</c>.</summary>
    [IronicName("rescue")] Rescue,

    /// <summary><c>resume</c>: the agent called back; the operation goes on.</summary>
    [IronicName("resume")] Resume,

    /// <summary><c>service</c>.</summary>
    [IronicName("service")] Service,

    /// <summary><c>unhold</c>.</summary>
    [IronicName("unhold")] Unhold,

    /// <summary><c>unrescue</c>.</summary>
    [IronicName("unrescue")] Unrescue,

    /// <summary><c>wait</c>: the operation waits for the agent.</summary>
    [IronicName("wait")] Wait,
}
