namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>StepNotAllowed</c> (HTTP 400, master): a requested clean, deploy or service step is
/// one the operator disallowed (<c>[api] disallow_clean_steps</c>, <c>disallow_deploy_steps</c>,
/// <c>disallow_service_steps</c>); nothing was changed.
/// </summary>
public sealed class StepNotAllowedException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="step">The step, as <c>"interface.step"</c>.</param>
    /// <param name="stepType">The kind of step: <c>"clean"</c>, <c>"deploy"</c> or <c>"service"</c>.</param>
    public StepNotAllowedException(string step, string stepType)
        : base("StepNotAllowed", 400, $"{stepType} step '{step}' is not allowed. Disallowed by operator configuration [api]disallow_{stepType}_steps.")
    {
        Step = step;
        StepType = stepType;
    }

    /// <summary>The step, as <c>"interface.step"</c>.</summary>
    public string Step { get; }

    /// <summary>The kind of step: <c>"clean"</c>, <c>"deploy"</c> or <c>"service"</c>.</summary>
    public string StepType { get; }
}
