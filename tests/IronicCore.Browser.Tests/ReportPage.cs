using System.Text.Json;

namespace IronicCore.Browser.Tests;

/// <summary>What the report pages' tests read: a chart as Chart.js holds it, and the Markdown tables a command printed.</summary>
internal static class ReportPage
{
    /// <summary>The chart on canvas <paramref name="id"/>: its width, labels, and per dataset its data and how many elements Chart.js drew.</summary>
    public static JsonElement Chart(HeadlessChromium browser, string id) => JsonDocument.Parse(browser.Script<string>("""
        const chart = Chart.getChart(arguments[0]);
        return JSON.stringify({
          width: chart.width,
          labels: chart.data.labels ?? [],
          datasets: chart.data.datasets.map((d, i) => ({
            label: d.label, policy: d.policy ?? null, band: !!d.band, data: d.data,
            elements: chart.getDatasetMeta(i).data.length })) });
        """, id)).RootElement.Clone();

    /// <summary>The Markdown tables in <paramref name="stdout"/>, each a list of rows of cells (the header first, no rule).</summary>
    public static List<List<List<string>>> Tables(string stdout)
    {
        var tables = new List<List<List<string>>>();
        List<List<string>>? table = null;
        foreach (var line in stdout.Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                table = null;
                continue;
            }

            if (table is null)
            {
                table = [];
                tables.Add(table);
            }

            if (!line.StartsWith("|---", StringComparison.Ordinal))
            {
                table.Add([.. line.Trim('|').Split('|').Select(cell => cell.Trim())]);
            }
        }

        return tables;
    }
}
