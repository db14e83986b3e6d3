using System.Text;
using IronicCore.Fleet;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>
/// The CSV files of a fleet run (<see cref="FleetExperimentReport"/>'s): each policy's samples
/// over replications, the summary (means and intervals), every run, and the paired differences.
/// </summary>
internal static class FleetCsv
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string directory, FleetExperimentResult result, string baseline)
    {
        foreach (var policy in result.Policies)
        {
            File.WriteAllText(Path.Combine(directory, $"{policy}.csv"), FleetExperimentReport.SamplesCsv(result, policy), Utf8);
        }

        File.WriteAllText(Path.Combine(directory, "summary.csv"), FleetExperimentReport.SummaryCsv(result), Utf8);
        File.WriteAllText(Path.Combine(directory, "runs.csv"), FleetExperimentReport.RunsCsv(result), Utf8);
        File.WriteAllText(Path.Combine(directory, "differences.csv"), FleetExperimentReport.DifferencesCsv(result, baseline), Utf8);
        if (FleetExperimentReport.HardwareCsv(result) is { } hardware)
        {
            File.WriteAllText(Path.Combine(directory, "hardware.csv"), hardware, Utf8);
        }

        if (FleetExperimentReport.FaultCsv(result) is { } faults)
        {
            File.WriteAllText(Path.Combine(directory, "faults.csv"), faults, Utf8);
        }
    }
}
