using System.Collections.Immutable;

namespace IronicCore.Packages.Tests;

/// <summary>
/// What the consumer project proves, one check per use of the packages. A new package adds its
/// check here: a source file under Consumer/ with one NUnit test, and the packages it references.
/// </summary>
internal static class ConsumerChecks
{
    public static ImmutableArray<ConsumerCheck> All { get; } =
    [
        // The README's library example (samples/Harness/GettingStarted.cs), on the IronicCore package alone.
        new("ManualCleanOfANodeInMaintenance_IsRefusedAsIronicRefusesIt", ["IronicCore"], ["GettingStarted.cs"], []),

        // A scenario file through IronicCore.Scenarios, on the ipmi and PXE driver packages it brings.
        new("ScenarioFile_RunsOnTheIpmiAndPxeDriverPackages", ["IronicCore.Scenarios"], ["ScenarioCheck.cs"], []),

        // A fleet comparison of the three built-in policies through IronicCore.Fleet, as its README shows.
        new("FleetComparison_OfTheThreeBuiltInPolicies_RunsTheSameFleetOncePerPolicy", ["IronicCore.Fleet"], ["FleetCheck.cs"], []),

        // Ironic's REST API hosted in the consumer's own process through IronicCore.Api, answering GET /v1.
        new("IronicApi_HostedInProcess_AnswersGetV1", ["IronicCore.Api"], ["ApiCheck.cs"], ["Microsoft.AspNetCore.App"]),
    ];
}
