using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// Python's <c>repr()</c> and <c>pprint.pformat(width=72)</c> of JSON-like values, as Ironic's
/// messages show them (jsonschema prints the failing schema and instance with <c>pformat</c>).
/// Values are <see cref="string"/>, <see cref="long"/>, <see cref="bool"/>, null, raw numbers as
/// <see cref="PythonFormat.Number"/>, lists as <see cref="List{T}"/> of values and dicts as lists of
/// <see cref="KeyValuePair{TKey, TValue}"/> in insertion order.
/// </summary>
internal static partial class PythonFormat
{
    private const int Width = 72;

    /// <summary>A JSON value as such a tree (objects keep their members' order).</summary>
    public static object? FromJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.Number => new Number(value.GetDouble().ToString("R", CultureInfo.InvariantCulture) is var text && !text.Contains('.') && !text.Contains('E') ? text + ".0" : value.GetDouble().ToString("R", CultureInfo.InvariantCulture)),
        JsonValueKind.Array => value.EnumerateArray().Select(FromJson).ToList(),
        _ => value.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, FromJson(p.Value))).ToList(),
    };

    /// <summary>Python's <c>repr()</c>.</summary>
    public static string Repr(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        Number n => n.Text,
        string s => Str(s),
        List<KeyValuePair<string, object?>> dict => "{" + string.Join(", ", dict.Select(p => $"{Str(p.Key)}: {Repr(p.Value)}")) + "}",
        List<object?> list => "[" + string.Join(", ", list.Select(Repr)) + "]",
        _ => throw new ArgumentException($"not a JSON-like value: {value.GetType()}", nameof(value)),
    };

    /// <summary>Python's <c>pprint.pformat(value, width=72)</c>: dicts sorted by key, long values spread over lines.</summary>
    public static string PFormat(object? value)
    {
        var output = new StringBuilder();
        Format(value, output, 0, 0, 0);
        return output.ToString();
    }

    private static void Format(object? value, StringBuilder output, int indent, int allowance, int level)
    {
        var rep = Sorted(value);
        if (rep.Length > Width - indent - allowance)
        {
            switch (value)
            {
                case List<KeyValuePair<string, object?>> dict when dict.Count > 0:
                    output.Append('{');
                    FormatDictItems(dict.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(), output, indent, allowance + 1, level + 1);
                    output.Append('}');
                    return;
                case List<object?> list when list.Count > 0:
                    output.Append('[');
                    FormatItems(list, output, indent, allowance + 1, level + 1);
                    output.Append(']');
                    return;
                case string s when s.Length > 0:
                    FormatString(s, output, indent, allowance, level + 1);
                    return;
            }
        }

        output.Append(rep);
    }

    /// <summary><c>repr()</c> with dicts in key order, as <c>pformat</c> writes what fits on a line.</summary>
    private static string Sorted(object? value) => value switch
    {
        List<KeyValuePair<string, object?>> dict => "{" + string.Join(", ", dict.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Str(p.Key)}: {Sorted(p.Value)}")) + "}",
        List<object?> list => "[" + string.Join(", ", list.Select(Sorted)) + "]",
        _ => Repr(value),
    };

    private static void FormatDictItems(List<KeyValuePair<string, object?>> items, StringBuilder output, int indent, int allowance, int level)
    {
        indent++;
        for (var i = 0; i < items.Count; i++)
        {
            var last = i == items.Count - 1;
            var key = Str(items[i].Key);
            output.Append(key).Append(": ");
            Format(items[i].Value, output, indent + key.Length + 2, last ? allowance : 1, level);
            if (!last)
            {
                output.Append(",\n").Append(' ', indent);
            }
        }
    }

    private static void FormatItems(List<object?> items, StringBuilder output, int indent, int allowance, int level)
    {
        indent++;
        for (var i = 0; i < items.Count; i++)
        {
            var last = i == items.Count - 1;
            if (i > 0)
            {
                output.Append(",\n").Append(' ', indent);
            }

            Format(items[i], output, indent, last ? allowance : 1, level);
        }
    }

    /// <summary>pprint's <c>_pprint_str</c>: a long string as adjacent literals split after whitespace.</summary>
    private static void FormatString(string value, StringBuilder output, int indent, int allowance, int level)
    {
        var chunks = new List<string>();
        if (level == 1)
        {
            indent++;
            allowance++;
        }

        var maxWidth = Width - indent;
        var lines = SplitLines(value);
        for (var i = 0; i < lines.Count; i++)
        {
            var lastLine = i == lines.Count - 1;
            var rep = Str(lines[i]);
            if (rep.Length <= (lastLine ? maxWidth - allowance : maxWidth))
            {
                chunks.Add(rep);
                continue;
            }

            var parts = Words().Matches(lines[i]).Select(m => m.Value).Where(p => p.Length > 0).ToList();
            var current = string.Empty;
            for (var j = 0; j < parts.Count; j++)
            {
                var candidate = current + parts[j];
                var limit = j == parts.Count - 1 && lastLine ? maxWidth - allowance : maxWidth;
                if (Str(candidate).Length > limit)
                {
                    if (current.Length > 0)
                    {
                        chunks.Add(Str(current));
                    }

                    current = parts[j];
                }
                else
                {
                    current = candidate;
                }
            }

            if (current.Length > 0)
            {
                chunks.Add(Str(current));
            }
        }

        if (chunks.Count == 1)
        {
            output.Append(Str(value));
            return;
        }

        output.Append(level == 1 ? "(" : string.Empty).AppendJoin("\n" + new string(' ', indent), chunks).Append(level == 1 ? ")" : string.Empty);
    }

    private static List<string> SplitLines(string value)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\n')
            {
                lines.Add(value[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < value.Length)
        {
            lines.Add(value[start..]);
        }

        return lines;
    }

    /// <summary>Python's <c>repr()</c> of a <c>str</c>: single quotes unless it holds one and no double quote.</summary>
    private static string Str(string value)
    {
        var quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var result = new StringBuilder(value.Length + 2).Append(quote);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => result.Append("\\\\"),
                '\n' => result.Append("\\n"),
                '\r' => result.Append("\\r"),
                '\t' => result.Append("\\t"),
                _ when c == quote => result.Append('\\').Append(c),
                _ when c < ' ' || c == '\x7f' => result.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => result.Append(c),
            };
        }

        return result.Append(quote).ToString();
    }

    [GeneratedRegex(@"\S*\s*")]
    private static partial Regex Words();

    /// <summary>A float as Python writes it.</summary>
    public sealed record Number(string Text);
}
