namespace IronicCore.Steps;

/// <summary>
/// The step a node is running (<c>clean_step</c>, <c>deploy_step</c>, <c>service_step</c>):
/// the driver interface and the step's name, e.g. <c>deploy.erase_devices</c>.
/// </summary>
/// <param name="Interface">The driver interface, e.g. <c>deploy</c>.</param>
/// <param name="Step">The step's name, e.g. <c>erase_devices</c>.</param>
public sealed record StepReference(string Interface, string Step)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Interface}.{Step}";
}
