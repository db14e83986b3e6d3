namespace IronicCore.Scenarios;

/// <summary>
/// Writes random but reproducible scenario files for Ironic 21.4 (docs/scenarios.md, "Generated
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
    public static string Generate(ulong seed, ScenarioProfile profile)
    {
        if (!Enum.IsDefined(profile))
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Not a scenario profile.");
        }

        return new GeneratedScenario(seed, profile).Write();
    }
}
