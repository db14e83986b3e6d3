using System.Collections.Immutable;

namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>InvalidParameterValue</c> (HTTP 400): a value the request or configuration
/// gave is not one Ironic accepts. Nothing was changed.
/// </summary>
public sealed class InvalidParameterValueException : IronicException
{
    /// <summary>Creates the error for a value that is not one of <paramref name="validValues"/>.</summary>
    /// <param name="parameter">What the value was for, e.g. "provision state".</param>
    /// <param name="value">The value given.</param>
    /// <param name="validValues">The values that would have been accepted (empty when they cannot be listed).</param>
    public InvalidParameterValueException(string parameter, string value, ImmutableArray<string> validValues)
        : base("InvalidParameterValue", 400, FormatMessage(parameter, value, validValues))
    {
        Parameter = parameter;
        Value = value;
        ValidValues = validValues;
        Reason = Message;
    }

    /// <summary>Creates the error from Ironic's own explanation, e.g. a step validation's joined errors.</summary>
    /// <param name="reason">What is invalid.</param>
    public InvalidParameterValueException(string reason)
        : base("InvalidParameterValue", 400, reason)
    {
        Reason = reason;
        ValidValues = [];
    }

    /// <summary>What the value was for, e.g. "provision state"; null when the error explains itself.</summary>
    public string? Parameter { get; }

    /// <summary>The value given; null when the error explains itself.</summary>
    public string? Value { get; }

    /// <summary>The values that would have been accepted; empty when they cannot be listed.</summary>
    public ImmutableArray<string> ValidValues { get; }

    /// <summary>What is invalid, as Ironic words it.</summary>
    public string Reason { get; }

    private static string FormatMessage(string parameter, string value, ImmutableArray<string> validValues) =>
        validValues.IsDefaultOrEmpty
            ? $"\"{value}\" is not a valid {parameter}."
            : $"\"{value}\" is not a valid {parameter}. Valid values: {string.Join(", ", validValues.Select(v => $"\"{v}\""))}.";
}
