namespace IronicCore.States;

/// <summary>
/// A <c>target</c> of <c>PUT /v1/nodes/{node}/states/provision</c>. Each maps to a
/// <see cref="ProvisionEvent"/> (<see cref="ProvisionStateMachine.EventOf(ApiVerb)"/>); the
/// aliases <see cref="Active"/>/<see cref="Deploy"/> and <see cref="Deleted"/>/<see cref="Undeploy"/>
/// share an event, as in Ironic's <c>VERBS</c> table.
/// </summary>
public enum ApiVerb : byte
{
    /// <summary><c>active</c>: deploy (event <c>deploy</c>).</summary>
    [IronicName("active")] Active,

    /// <summary><c>deploy</c>: alias of <see cref="Active"/> (API 1.73).</summary>
    [IronicName("deploy")] Deploy,

    /// <summary><c>deleted</c>: undeploy (event <c>delete</c>).</summary>
    [IronicName("deleted")] Deleted,

    /// <summary><c>undeploy</c>: alias of <see cref="Deleted"/> (API 1.73).</summary>
    [IronicName("undeploy")] Undeploy,

    /// <summary><c>manage</c>.</summary>
    [IronicName("manage")] Manage,

    /// <summary><c>provide</c>.</summary>
    [IronicName("provide")] Provide,

    /// <summary><c>inspect</c>.</summary>
    [IronicName("inspect")] Inspect,

    /// <summary><c>abort</c>.</summary>
    [IronicName("abort")] Abort,

    /// <summary><c>clean</c>: manual cleaning with <c>clean_steps</c>.</summary>
    [IronicName("clean")] Clean,

    /// <summary><c>adopt</c>.</summary>
    [IronicName("adopt")] Adopt,

    /// <summary><c>rescue</c>.</summary>
    [IronicName("rescue")] Rescue,

    /// <summary><c>unrescue</c>.</summary>
    [IronicName("unrescue")] Unrescue,

    /// <summary><c>unhold</c> (Ironic master; API 1.85).</summary>
    [IronicName("unhold")] Unhold,

    /// <summary><c>service</c> (Ironic master; API 1.87).</summary>
    [IronicName("service")] Service,

    /// <summary>
    /// <c>rebuild</c>: redeploy. The API accepts it as a target although Ironic's <c>VERBS</c>
    /// table does not list it, so <see cref="ProvisionStateMachine.ApiVerbs"/> leaves it out too.
    /// </summary>
    [IronicName("rebuild")] Rebuild,
}
