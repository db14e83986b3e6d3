using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IronicCore.Steps;

/// <summary>
/// Writes JSON values the way Python's <c>repr</c> prints them, because Ironic's messages
/// quote a step's dictionary (<c>{'interface': 'bios', 'args': {'settings': []}}</c>) and
/// operators match on those texts.
/// </summary>
internal static class PythonRepr
{
    public static string Of(JsonElement value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    public static string Quote(string value) =>
        value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal)
            ? $"\"{value}\""
            : $"'{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'";

    private static void Append(StringBuilder text, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var property in value.EnumerateObject())
                {
                    text.Append(first ? string.Empty : ", ").Append(Quote(property.Name)).Append(": ");
                    Append(text, property.Value);
                    first = false;
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    text.Append(index++ == 0 ? string.Empty : ", ");
                    Append(text, item);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                text.Append(Quote(value.GetString()!));
                break;
            case JsonValueKind.True:
                text.Append("True");
                break;
            case JsonValueKind.False:
                text.Append("False");
                break;
            case JsonValueKind.Null:
                text.Append("None");
                break;
            default:
                text.Append(value.GetRawText().AsSpan().IndexOfAny(".eE") < 0 && value.TryGetInt64(out var integer)
                    ? integer.ToString(CultureInfo.InvariantCulture)
                    : Float(value.GetDouble()));
                break;
        }
    }

    /// <summary>Python's <c>repr</c> of a float: a JSON number with a fraction or exponent is one, so <c>2.0</c> stays <c>2.0</c>.</summary>
    private static string Float(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) ? text.Replace('E', 'e')
            : text.Contains('.', StringComparison.Ordinal) || !double.IsFinite(value) ? text
            : text + ".0";
    }
}
