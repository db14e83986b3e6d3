namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>PowerStateFailure</c> (HTTP 409): the power state could not be set or read.
/// </summary>
public sealed class PowerStateFailureException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">What failed.</param>
    public PowerStateFailureException(string reason)
        : base("PowerStateFailure", 409, $"Failed to set node power state to {reason}.")
    {
        Reason = reason;
    }

    private PowerStateFailureException(string message, bool _)
        : base("PowerStateFailure", 409, message)
    {
        Reason = message;
    }

    /// <summary>What failed.</summary>
    public string Reason { get; }

    /// <summary>The error with a message of its own, as Ironic raises it with a message instead of the target state.</summary>
    internal static PowerStateFailureException WithMessage(string message) => new(message, true);
}
