using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IronicCore.Scenarios;

/// <summary>
/// One JSON value on one line, spaced and escaped as Python's <c>json.dumps</c> writes it
/// (<c>", "</c>, <c>": "</c>, non-ASCII as <c>\uXXXX</c>), so our lines and Ironic's
/// oracle's can be compared as text. Every JSON-lines output of <c>ironic-sim</c> is written so.
/// </summary>
public static class JsonLine
{
    /// <summary>Writes <paramref name="node"/> on one line, as <c>json.dumps</c> does.</summary>
    /// <param name="node">The value; null for JSON <c>null</c>.</param>
    /// <returns>The line, without a line break.</returns>
    public static string Format(JsonNode? node)
    {
        var text = new StringBuilder();
        Append(text, node);
        return text.ToString();
    }

    private static void Append(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    text.Append(first ? string.Empty : ", ");
                    AppendString(text, key);
                    text.Append(": ");
                    Append(text, value);
                    first = false;
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ");
                    Append(text, array[i]);
                }

                text.Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                AppendString(text, value.GetValue<string>());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append(node.ToJsonString());
                break;
        }
    }

    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                '\b' => text.Append("\\b"),
                '\f' => text.Append("\\f"),
                < ' ' or > '~' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        text.Append('"');
    }
}
