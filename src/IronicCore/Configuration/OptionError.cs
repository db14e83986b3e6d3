namespace IronicCore.Configuration;

/// <summary>
/// One thing wrong with a configuration: the option, as <c>"section.option"</c>, and what is wrong
/// with its value. Immutable.
/// </summary>
public sealed class OptionError
{
    /// <summary>Creates the error.</summary>
    /// <param name="option">The option, e.g. <c>"conductor.workers_pool_size"</c>.</param>
    /// <param name="message">What is wrong, e.g. <c>"must be at least 3; got 2"</c>.</param>
    public OptionError(string option, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(option);
        ArgumentException.ThrowIfNullOrEmpty(message);
        Option = option;
        Message = message;
    }

    /// <summary>The option, as <c>"section.option"</c>, e.g. <c>"conductor.workers_pool_size"</c>.</summary>
    public string Option { get; }

    /// <summary>What is wrong with the option's value.</summary>
    public string Message { get; }

    /// <summary>The option and the message, as <c>"conductor.workers_pool_size must be at least 3; got 2"</c>.</summary>
    public override string ToString() => $"{Option} {Message}";
}
