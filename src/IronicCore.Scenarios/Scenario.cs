using System.Collections.Immutable;
using IronicCore.Configuration;

namespace IronicCore.Scenarios;

/// <summary>
/// A scenario file (format <c>ironic-sim/scenario@1</c>, docs/scenarios.md), read and checked whole
/// before anything runs: its Ironic release and options, seed, nodes and steps. Run it with
/// <see cref="ScenarioRunner"/>. Immutable.
/// </summary>
public sealed class Scenario
{
    internal Scenario(ConductorOptions options, ulong seed, ImmutableArray<ScenarioNode> nodes, ImmutableArray<ScenarioStep> steps)
    {
        Options = options;
        Seed = seed;
        Nodes = nodes;
        Steps = steps;
        NodeNames = [.. nodes.Select(node => node.Name)];
    }

    /// <summary>The conductor's options: the file's <c>options</c> on its release's defaults, the ipmi and PXE drivers' sections included.</summary>
    public ConductorOptions Options { get; }

    /// <summary>The file's <c>seed</c> (0 when it gives none): the conductor's seed and the root of the nodes' UUIDs.</summary>
    public ulong Seed { get; }

    /// <summary>The nodes' names, in the file's order (the order of an <c>advance</c> step's <c>nodes</c>).</summary>
    public ImmutableArray<string> NodeNames { get; }

    internal ImmutableArray<ScenarioNode> Nodes { get; }

    internal ImmutableArray<ScenarioStep> Steps { get; }

    /// <summary>Reads and checks a scenario file from disk.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioException">
    /// The file cannot be read (<c>FileError</c>), or its content is refused as <see cref="Parse"/> refuses it.
    /// </exception>
    public static Scenario Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException("FileError", error.Message);
        }

        return ScenarioParser.Parse(json);
    }

    /// <summary>Reads and checks a scenario file's text.</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioException">
    /// The file is not JSON, breaks the format (unknown keys, ops, node names or options, values of the
    /// wrong type) or uses what the simulator does not simulate yet; nothing has run.
    /// </exception>
    public static Scenario Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ScenarioParser.Parse(json);
    }
}
