using System.Globalization;
using System.Text.Json.Nodes;

namespace IronicCore.Sweeps;

/// <summary>
/// A parameter's path into a fleet scenario file (<see cref="SweepParameter.Path"/>): keys joined by
/// dots, list elements by <c>[index]</c>, and under <c>options</c> an Ironic option's whole dotted name.
/// It names a field only when the scenario written in full (<see cref="IronicCore.Fleet.FleetScenario.ToJson"/>) has it.
/// </summary>
internal static class SweepPath
{
    /// <summary>The key under which Ironic's options sit by their dotted names.</summary>
    private const string Options = "options";

    /// <summary>
    /// Sets the field <paramref name="path"/> names in <paramref name="scenario"/> to <paramref name="value"/>;
    /// null when done, or why the path names no field.
    /// </summary>
    public static string? TrySet(JsonObject scenario, string path, JsonNode? value)
    {
        var segments = Segments(path);
        if (segments is null)
        {
            return "is not a path (keys joined by dots, list elements as [index], e.g. faults[3].rate_per_node_year)";
        }

        JsonNode? parent = scenario;
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            var segment = segments[i];
            switch (parent)
            {
                case JsonObject map when segment.Key is { } key && map.ContainsKey(key):
                    if (last)
                    {
                        if (map[key] is JsonObject or JsonArray)
                        {
                            return $"names {Prefix(segments, i)}, which holds fields of its own; name one of them";
                        }

                        map[key] = value;
                        return null;
                    }

                    parent = map[key];
                    break;
                case JsonArray list when segment.Index is { } index && index < list.Count:
                    if (last)
                    {
                        return $"names {Prefix(segments, i)}, which holds fields of its own; name one of them";
                    }

                    parent = list[index];
                    break;
                default:
                    return $"names no field of the scenario ({Prefix(segments, i)} does not exist; see docs/fleet.md for the scenario's fields)";
            }
        }

        return null;
    }

    /// <summary>The path's keys and indexes; an option's dotted name is one key. Null when malformed.</summary>
    private static List<(string? Key, int? Index)>? Segments(string path)
    {
        var segments = new List<(string? Key, int? Index)>();
        var rest = path;
        while (rest.Length > 0)
        {
            if (segments is [(Options, null)])
            {
                segments.Add((rest, null));
                break;
            }

            if (rest[0] == '[')
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (close < 2 || !int.TryParse(rest[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || segments.Count == 0)
                {
                    return null;
                }

                segments.Add((null, index));
                rest = rest[(close + 1)..];
                if (rest.StartsWith('.'))
                {
                    rest = rest[1..];
                    if (rest.Length == 0)
                    {
                        return null;
                    }
                }
                else if (rest.Length > 0 && rest[0] != '[')
                {
                    return null;
                }

                continue;
            }

            var end = rest.IndexOfAny(['.', '[']);
            var key = end < 0 ? rest : rest[..end];
            if (key.Length == 0)
            {
                return null;
            }

            segments.Add((key, null));
            rest = end < 0 ? string.Empty : rest[end] == '.' ? rest[(end + 1)..] : rest[end..];
            if (end >= 0 && rest.Length == 0)
            {
                return null;
            }
        }

        return segments.Count == 0 ? null : segments;
    }

    private static string Prefix(List<(string? Key, int? Index)> segments, int last) =>
        string.Concat(segments.Take(last + 1).Select((s, i) => s.Key is { } key ? (i == 0 ? key : $".{key}") : $"[{s.Index}]"));
}
