using IronicCore.Errors;

namespace IronicCore.Configuration;

/// <summary>
/// Ironic's <c>InvalidParameterValue</c> (HTTP 400) for an option given by name with a JSON value
/// of the wrong type, such as a string for an integer or <c>1.5</c> for a whole number. Nothing
/// was built.
/// </summary>
public sealed class OptionTypeMismatchException : IronicException
{
    /// <summary>Creates the error for <paramref name="option"/>.</summary>
    /// <param name="option">The option, as <c>"section.option"</c>.</param>
    /// <param name="expectedType">What the option takes, e.g. <c>"an integer"</c>.</param>
    /// <param name="value">The JSON value given, as JSON text.</param>
    public OptionTypeMismatchException(string option, string expectedType, string value)
        : base("InvalidParameterValue", 400, $"Option {option} takes {expectedType}; got {value}.")
    {
        Option = option;
        ExpectedType = expectedType;
        Value = value;
    }

    /// <summary>The option, as <c>"section.option"</c>, e.g. <c>"conductor.workers_pool_size"</c>.</summary>
    public string Option { get; }

    /// <summary>What the option takes, e.g. <c>"an integer"</c> or <c>"a whole number of seconds"</c>.</summary>
    public string ExpectedType { get; }

    /// <summary>The JSON value given, as JSON text, e.g. <c>"\"ten\""</c>.</summary>
    public string Value { get; }
}
