using System.Collections.Immutable;

namespace IronicCore.Conductor;

/// <summary>
/// Ironic's <c>InvalidParameterValue</c> (HTTP 400): a value the request or configuration
/// gave is not one Ironic accepts. Nothing was changed.
/// </summary>
public sealed class InvalidParameterValueException : IronicException
{
    /// <summary>Creates the error for a value that is not one of <paramref name="validValues"/>.</summary>
    /// <param name="parameter">What the value was for, e.g. "provision state".</param>
    /// <param name="value">The value given.</param>
    /// <param name="validValues">The values that would have been accepted.</param>
    public InvalidParameterValueException(string parameter, string value, ImmutableArray<string> validValues)
        : base("InvalidParameterValue", 400,
            $"\"{value}\" is not a valid {parameter}. Valid values: {string.Join(", ", validValues.Select(v => $"\"{v}\""))}.")
    {
        Parameter = parameter;
        Value = value;
        ValidValues = validValues;
    }

    /// <summary>What the value was for, e.g. "provision state".</summary>
    public string Parameter { get; }

    /// <summary>The value given.</summary>
    public string Value { get; }

    /// <summary>The values that would have been accepted.</summary>
    public ImmutableArray<string> ValidValues { get; }
}
