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
                text.Append(value.TryGetInt64(out var integer)
                    ? integer.ToString(CultureInfo.InvariantCulture)
                    : value.GetDouble().ToString("R", CultureInfo.InvariantCulture));
                break;
        }
    }
}
