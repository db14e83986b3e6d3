using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace IronicCore.Fleet;

// A fleet that mixes hardware types: each type's share of the figures, so an operator sees which
// type's BMCs put nodes in maintenance and whose hardware tenants met. A fleet of one type has no
// such table or file: its figures are the fleet's.
public static partial class FleetExperimentReport
{
    private static readonly (string Name, string Label, FleetMetricUnit Unit, Func<FleetHardwareResult, double> Read)[] HardwareFigures =
    [
        ("available_mean", "available mean", FleetMetricUnit.Nodes, h => h.AvailableMean),
        ("maintenance_hourly_mean", "in maintenance by hour (mean)", FleetMetricUnit.Nodes, h => h.MaintenanceHourlyMean),
        ("tenant_visible_failures", "tenant-visible failures", FleetMetricUnit.Count, h => h.TenantVisibleFailures),
        ("human_tickets", "human tickets", FleetMetricUnit.Count, h => h.HumanTickets),
    ];

    /// <summary>
    /// One line per policy and hardware type of a fleet that mixes them: <c>policy,hardware,nodes</c>,
    /// then each figure's mean over replications and the half-width of its 95 % interval
    /// (<c>available_mean,available_mean_ci95,...</c>; empty with one replication). Null for a fleet of one type.
    /// </summary>
    /// <param name="result">The experiment's result.</param>
    /// <returns>The CSV text, header first; or null.</returns>
    public static string? HardwareCsv(FleetExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (HardwareOf(result) is not { IsEmpty: false } types)
        {
            return null;
        }

        var csv = new StringBuilder("policy,hardware,nodes,");
        csv.AppendJoin(',', HardwareFigures.Select(f => $"{f.Name},{f.Name}_ci95"));
        csv.Append('\n');
        foreach (var policy in result.Policies)
        {
            for (var k = 0; k < types.Length; k++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{policy},{types[k].Driver},{types[k].Nodes},");
                csv.AppendJoin(',', HardwareMetrics(k).Select(m => result.Estimate(policy, m)).Select(e => $"{Csv(e?.Mean)},{Csv(e?.HalfWidth)}"));
                csv.Append('\n');
            }
        }

        return csv.ToString();
    }

    /// <summary>The table by hardware type, or nothing for a fleet of one type.</summary>
    private static IEnumerable<string> HardwareMarkdown(FleetExperimentResult result)
    {
        if (HardwareOf(result) is not { IsEmpty: false } types)
        {
            yield break;
        }

        yield return string.Empty;
        yield return "By hardware type (each type's nodes; the figures above are their sums):";
        yield return string.Empty;
        yield return $"| policy | hardware | nodes | {string.Join(" | ", HardwareFigures.Select(f => f.Label))} |";
        yield return "|---|---|---:|---:|---:|---:|---:|";
        foreach (var policy in result.Policies)
        {
            for (var k = 0; k < types.Length; k++)
            {
                var cells = HardwareMetrics(k).Select(m => Format(m, result.Estimate(policy, m), signed: false));
                yield return string.Create(CultureInfo.InvariantCulture, $"| {policy} | {types[k].Driver} | {types[k].Nodes:N0} | {string.Join(" | ", cells)} |");
            }
        }
    }

    /// <summary>The hardware types of the runs (the same in every run of one scenario), or empty.</summary>
    private static ImmutableArray<(string Driver, int Nodes)> HardwareOf(FleetExperimentResult result) =>
        result.Runs.Length == 0 ? [] : [.. result.Runs[0].Result.ByHardware.Select(h => (h.Driver, h.Nodes))];

    private static IEnumerable<FleetMetric> HardwareMetrics(int type) =>
        HardwareFigures.Select(f => FleetMetric.OfHardware(type, f.Name, f.Label, f.Unit, f.Read));
}
