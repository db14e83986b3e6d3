using System.Collections.Immutable;
using System.Text.Json;

namespace IronicCore.Configuration.Files;

/// <summary>
/// What <see cref="IronicConfigFiles.Resolve"/> took from configuration files: the conductor's options
/// by name, the values of the options the caller reads itself, and what was ignored. Immutable.
/// </summary>
public sealed class ConfigFileValues
{
    private readonly ImmutableSortedDictionary<string, string> hostLocations;

    internal ConfigFileValues(
        ConductorOptions conductor,
        ImmutableSortedDictionary<string, JsonElement> options,
        ImmutableSortedDictionary<string, string> host,
        ImmutableSortedDictionary<string, string> hostLocations,
        ImmutableArray<string> notes)
    {
        this.hostLocations = hostLocations;
        Conductor = conductor;
        Options = options;
        Host = host;
        Notes = notes;
    }

    /// <summary>The conductor's options: the files' values over the release's defaults, validated.</summary>
    public ConductorOptions Conductor { get; }

    /// <summary>The options the files set, by <c>"section.option"</c> name, in <see cref="ConductorOptions.FromNames"/>'s JSON forms.</summary>
    public ImmutableSortedDictionary<string, JsonElement> Options { get; }

    /// <summary>The options the caller reads itself, by <c>"section.option"</c> name, as text with references substituted.</summary>
    public ImmutableSortedDictionary<string, string> Host { get; }

    /// <summary>One line per section and reason of what was taken with a note or ignored, and why, for stderr.</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Where a value of <see cref="Host"/> was set, as <c>file:line: [section] option</c>, for the caller's errors.</summary>
    /// <param name="name">The option, as <c>"section.option"</c>.</param>
    /// <exception cref="KeyNotFoundException">The files do not set the option.</exception>
    public string Locate(string name) => hostLocations[name];
}
