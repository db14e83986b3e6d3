namespace IronicCore.Conducting;

/// <summary>
/// Ironic master's <c>StepFlow</c>: the operations whose start and end its node history records
/// (<see cref="StepFlowHistory"/>); Ironic's value of each names its entries' <c>event_type</c>.
/// </summary>
internal enum StepFlow
{
    /// <summary><c>manual_cleaning</c>: the <c>clean</c> verb's steps.</summary>
    ManualCleaning,

    /// <summary><c>automated_cleaning</c>: the drivers' steps, or a runbook's, after <c>provide</c> and tear-down.</summary>
    AutomatedCleaning,

    /// <summary><c>deployment</c>: deploy and rebuild.</summary>
    Deployment,

    /// <summary><c>servicing</c>: the <c>service</c> verb's steps.</summary>
    Servicing,
}
