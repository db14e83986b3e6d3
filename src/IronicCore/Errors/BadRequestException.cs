namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>BadRequest</c> (HTTP 500): a request Ironic calls bad; Ironic 21.4's class has no code of its own, so its API answers 500, and so does the simulator. Later releases make <c>BadRequest</c> an alias of <c>Invalid</c> (<see cref="InvalidException"/>, 400).
/// </summary>
public sealed class BadRequestException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">What is wrong.</param>
    public BadRequestException(string reason)
        : base("BadRequest", 500, $"{reason}")
    {
        Reason = reason;
    }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
