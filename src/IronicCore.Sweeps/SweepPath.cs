using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IronicCore.Sweeps;

/// <summary>
/// A parameter's path into a fleet scenario file (<see cref="SweepParameter.Path"/>): keys joined by
/// dots, list elements by <c>[index]</c> or by the value of one of their keys (<c>[kind=bmc]</c>: a
/// plan stays right when the list's order changes), and under <c>options</c> an Ironic option's whole dotted name.
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
            return "is not a path (keys joined by dots, list elements as [index] or [key=value], e.g. faults[kind=bmc].rate_per_node_year)";
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
                case JsonArray list when segment.Match is { } match:
                    var found = list.Where(e => e?[match.Key] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == match.Value).ToList();
                    if (found.Count != 1)
                    {
                        var values = list.Select(e => (e as JsonObject)?[match.Key]?.ToJsonString() ?? "none");
                        return $"names no field of the scenario ({Prefix(segments, i)}: {(found.Count == 0 ? "no" : "more than one")} element of {Prefix(segments, i - 1)} has {match.Key} {match.Value}; its elements' {match.Key}: {string.Join(", ", values)})";
                    }

                    if (last)
                    {
                        return $"names {Prefix(segments, i)}, which holds fields of its own; name one of them";
                    }

                    parent = found[0];
                    break;
                default:
                    return $"names no field of the scenario ({Prefix(segments, i)} does not exist; see docs/fleet.md for the scenario's fields)";
            }
        }

        return null;
    }

    /// <summary>The path's keys, indexes and selectors; an option's dotted name is one key. Null when malformed.</summary>
    private static List<Segment>? Segments(string path)
    {
        var segments = new List<Segment>();
        var rest = path;
        while (rest.Length > 0)
        {
            if (segments is [{ Key: Options }])
            {
                segments.Add(new(rest, null, null));
                break;
            }

            if (rest[0] == '[')
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (close < 2 || segments.Count == 0 || Element(rest[1..close]) is not { } element)
                {
                    return null;
                }

                segments.Add(element);
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

            segments.Add(new(key, null, null));
            rest = end < 0 ? string.Empty : rest[end] == '.' ? rest[(end + 1)..] : rest[end..];
            if (end >= 0 && rest.Length == 0)
            {
                return null;
            }
        }

        return segments.Count == 0 ? null : segments;
    }

    /// <summary>A list element's segment: <c>3</c> or <c>kind=bmc</c>; null when it is neither.</summary>
    private static Segment? Element(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return new(null, index, null);
        }

        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && equals < text.Length - 1 ? new(null, null, (text[..equals], text[(equals + 1)..])) : null;
    }

    private static string Prefix(List<Segment> segments, int last) =>
        string.Concat(segments.Take(last + 1).Select((s, i) => s switch
        {
            { Key: { } key } => i == 0 ? key : $".{key}",
            { Match: { } match } => $"[{match.Key}={match.Value}]",
            _ => $"[{s.Index}]",
        }));

    /// <summary>One step of a path: a key, a list index, or a list element chosen by one of its keys' value.</summary>
    private readonly record struct Segment(string? Key, int? Index, (string Key, string Value)? Match);
}
