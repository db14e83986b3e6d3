namespace IronicCore.Drivers;

/// <summary>How a deploy step left the deployment (Ironic's <c>execute_deploy_step</c> returns <c>DEPLOYWAIT</c>, nothing, or raises).</summary>
internal enum DeployStepResult
{
    /// <summary>The step is done: the next one runs.</summary>
    Done,

    /// <summary>The step goes on in the agent: the node waits in <c>wait call-back</c> for its heartbeat.</summary>
    Wait,

    /// <summary>The step failed; the deployment's error handler has run.</summary>
    Failed,
}
