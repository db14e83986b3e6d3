using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace IronicCore.Fleet;

// A fleet whose scenario gives a Redfish BMC's own faults a rate: each hardware type's and fault
// kind's faults and what Ironic made of them, so an operator sees which BMC failures fail
// deployments and cleanings and which put nodes in maintenance. Other fleets have no such table
// or file.
public static partial class FleetExperimentReport
{
    private static readonly (string Name, string Label, FleetMetricUnit Unit, Func<FleetFaultResult, double> Read)[] FaultFigures =
    [
        ("faults", "faults", FleetMetricUnit.Count, f => f.Faults),
        ("deploy_failures", "deploy failed", FleetMetricUnit.Count, f => f.DeployFailures),
        ("clean_failures", "clean failed", FleetMetricUnit.Count, f => f.CleanFailures),
        ("maintenance_hourly_mean", "in maintenance by hour (mean)", FleetMetricUnit.Nodes, f => f.MaintenanceHourlyMean),
    ];

    /// <summary>
    /// One line per policy, hardware type and fault kind of a fleet whose scenario gives a Redfish
    /// BMC's own faults a rate: <c>policy,hardware,fault</c>, then each figure's mean over
    /// replications and the half-width of its 95 % interval (<c>faults,faults_ci95,...</c>; empty
    /// with one replication). Null for other fleets.
    /// </summary>
    /// <param name="result">The experiment's result.</param>
    /// <returns>The CSV text, header first; or null.</returns>
    public static string? FaultCsv(FleetExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (FaultRowsOf(result) is not { IsEmpty: false } rows)
        {
            return null;
        }

        var csv = new StringBuilder("policy,hardware,fault,");
        csv.AppendJoin(',', FaultFigures.Select(f => $"{f.Name},{f.Name}_ci95"));
        csv.Append('\n');
        foreach (var policy in result.Policies)
        {
            for (var k = 0; k < rows.Length; k++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{policy},{rows[k].Driver},{HardwareFaultKinds.Name(rows[k].Kind)},");
                csv.AppendJoin(',', FaultMetrics(k).Select(m => result.Estimate(policy, m)).Select(e => $"{Csv(e?.Mean)},{Csv(e?.HalfWidth)}"));
                csv.Append('\n');
            }
        }

        return csv.ToString();
    }

    /// <summary>The table by hardware type and fault kind, or nothing.</summary>
    private static IEnumerable<string> FaultMarkdown(FleetExperimentResult result)
    {
        if (FaultRowsOf(result) is not { IsEmpty: false } rows)
        {
            yield break;
        }

        yield return string.Empty;
        yield return "By fault kind (the faults that struck each type's nodes, and the deployments, cleanings and maintenance of the nodes they broke):";
        yield return string.Empty;
        yield return $"| policy | hardware | fault | {string.Join(" | ", FaultFigures.Select(f => f.Label))} |";
        yield return "|---|---|---|---:|---:|---:|---:|";
        foreach (var policy in result.Policies)
        {
            for (var k = 0; k < rows.Length; k++)
            {
                var cells = FaultMetrics(k).Select(m => Format(m, result.Estimate(policy, m), signed: false));
                yield return $"| {policy} | {rows[k].Driver} | {HardwareFaultKinds.Name(rows[k].Kind)} | {string.Join(" | ", cells)} |";
            }
        }
    }

    /// <summary>The (hardware type, fault kind) rows of the runs (the same in every run of one scenario), or empty.</summary>
    private static ImmutableArray<(string Driver, HardwareFaultKind Kind)> FaultRowsOf(FleetExperimentResult result) =>
        result.Runs.Length == 0 ? [] : [.. result.Runs[0].Result.ByFault.Select(f => (f.Driver, f.Kind))];

    private static IEnumerable<FleetMetric> FaultMetrics(int row) =>
        FaultFigures.Select(f => FleetMetric.OfFault(row, f.Name, f.Label, f.Unit, f.Read));
}
