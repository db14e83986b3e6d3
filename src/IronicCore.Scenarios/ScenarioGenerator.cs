using IronicCore.States;

namespace IronicCore.Scenarios;

/// <summary>
/// Writes random but reproducible scenario files for an Ironic release (docs/scenarios.md, "Generated
/// scenarios"): one to three nodes and ten to forty steps of operators' verbs (valid and invalid for
/// the state), maintenance, heartbeats, agent results, BMC outages, power changes behind the
/// conductor's back, options and the clock. Each file is meant to be run by both Ironic's oracle and
/// <c>ironic-sim scenario</c> and the two outputs compared line by line: the differential campaign.
/// </summary>
public static class ScenarioGenerator
{
    /// <summary>Writes the scenario file of a seed: the same seed and profile give the same bytes.</summary>
    /// <param name="seed">The seed; it is also the file's <c>seed</c>.</param>
    /// <param name="profile">The hardware the nodes run.</param>
    /// <returns>The file's text (JSON, format <c>ironic-sim/scenario@1</c>, ending with a line break).</returns>
    public static string Generate(ulong seed, ScenarioProfile profile) => Generate(seed, profile, IronicRelease.Release21_4);

    /// <summary>
    /// Writes the scenario file of a seed for a release: for releases with servicing (every one after
    /// 21.4) it also draws the <c>service</c> verb with service steps, <c>hold</c> steps in clean,
    /// deploy and service step lists, <c>unhold</c>, and nodes created in the service and hold states.
    /// For 21.4 it is <see cref="Generate(ulong, ScenarioProfile)"/>: the same bytes.
    /// </summary>
    /// <param name="seed">The seed; it is also the file's <c>seed</c>.</param>
    /// <param name="profile">The hardware the nodes run.</param>
    /// <param name="release">The file's <c>ironic_release</c>.</param>
    /// <returns>The file's text (JSON, format <c>ironic-sim/scenario@1</c>, ending with a line break).</returns>
    public static string Generate(ulong seed, ScenarioProfile profile, IronicRelease release)
    {
        if (!Enum.IsDefined(profile))
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Not a scenario profile.");
        }

        if (!Enum.IsDefined(release))
        {
            throw new ArgumentOutOfRangeException(nameof(release), release, "Not an Ironic release.");
        }

        return new GeneratedScenario(seed, profile, release).Write();
    }
}
