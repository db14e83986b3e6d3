using System.Text;
using IronicCore.Fleet;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>The CSV files of a fleet run (<see cref="FleetReport"/>'s): every sample per policy, and one summary line per policy.</summary>
internal static class FleetCsv
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string directory, IReadOnlyList<FleetResult> results)
    {
        foreach (var result in results)
        {
            File.WriteAllText(Path.Combine(directory, $"{result.Policy}.csv"), FleetReport.SamplesCsv(result), Utf8);
        }

        File.WriteAllText(Path.Combine(directory, "summary.csv"), FleetReport.SummaryCsv(results), Utf8);
    }
}
