using System.Collections.Immutable;
using IronicCore.Errors;

namespace IronicCore.Configuration;

/// <summary>
/// Ironic's <c>IncorrectConfiguration</c> (HTTP 500): the options break Ironic's limits or rules,
/// so a conductor would refuse to start. <see cref="Errors"/> lists every problem found in one
/// validation pass, not only the first.
/// </summary>
public sealed class IncorrectConfigurationException : IronicException
{
    /// <summary>Creates the error for <paramref name="errors"/>.</summary>
    /// <param name="errors">Every problem found; at least one.</param>
    public IncorrectConfigurationException(ImmutableArray<OptionError> errors)
        : base("IncorrectConfiguration", 500, FormatMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>
    /// Every problem found: each option's own, ordered by option name, then the start-up checks that
    /// involve several options.
    /// </summary>
    public ImmutableArray<OptionError> Errors { get; }

    private static string FormatMessage(ImmutableArray<OptionError> errors)
    {
        if (errors.IsDefaultOrEmpty)
        {
            throw new ArgumentException("An incorrect configuration has at least one error.", nameof(errors));
        }

        return $"The configuration is incorrect: {string.Join("; ", errors)}.";
    }
}
