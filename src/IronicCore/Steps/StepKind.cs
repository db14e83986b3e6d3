namespace IronicCore.Steps;

/// <summary>Which list a user's steps belong to: <c>clean_steps</c>, <c>deploy_steps</c> or <c>service_steps</c>.</summary>
internal enum StepKind
{
    Clean,
    Deploy,
    Service,
}
