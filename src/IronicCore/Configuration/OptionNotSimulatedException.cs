using IronicCore.Errors;

namespace IronicCore.Configuration;

/// <summary>
/// Ironic's <c>InvalidParameterValue</c> (HTTP 400) for an Ironic option that IronicCore knows but does
/// not simulate (<see cref="NotSimulatedOptionAttribute"/>): a value given for it would change nothing
/// here while it changes what Ironic does, so it is refused whatever the value. Nothing was built.
/// </summary>
public sealed class OptionNotSimulatedException : IronicException
{
    /// <summary>Creates the error for <paramref name="option"/>.</summary>
    /// <param name="option">The option, as <c>"section.option"</c>.</param>
    /// <param name="reason">Why IronicCore does not simulate it.</param>
    public OptionNotSimulatedException(string option, string reason)
        : base("InvalidParameterValue", 400, $"Option {option} is not simulated by IronicCore: {reason}")
    {
        Option = option;
        Reason = reason;
    }

    /// <summary>The option, as <c>"section.option"</c>, e.g. <c>"conductor.node_locked_retry_attempts"</c>.</summary>
    public string Option { get; }

    /// <summary>Why IronicCore does not simulate it.</summary>
    public string Reason { get; }
}
