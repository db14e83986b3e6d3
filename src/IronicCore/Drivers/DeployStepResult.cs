namespace IronicCore.Drivers;

/// <summary>How a deploy step left the deployment (Ironic's <c>execute_deploy_step</c> returns <c>DEPLOYWAIT</c>, nothing, or raises).</summary>
internal enum DeployStepResult
{
    /// <summary>The step is done: the next one runs.</summary>
    Done,

    /// <summary>The step goes on in the agent: the node waits in <c>wait call-back</c> for its heartbeat.</summary>
    Wait,

    /// <summary>
    /// The step failed the deployment and returned: the deployment's error handler has run. (A step
    /// that fails the deployment and then raises, as Ironic's <c>log_and_raise_deployment_error</c>
    /// does, throws instead: the step loop records the flow's end for it.)
    /// </summary>
    Failed,
}
