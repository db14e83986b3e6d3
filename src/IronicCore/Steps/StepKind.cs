namespace IronicCore.Steps;

/// <summary>Which list a user's steps belong to: <c>clean_steps</c>, <c>deploy_steps</c> or <c>service_steps</c>.</summary>
/// <remarks>A byte: an agent's step command keeps one (nullable) beside its status, in the same word.</remarks>
internal enum StepKind : byte
{
    Clean,
    Deploy,
    Service,
}
