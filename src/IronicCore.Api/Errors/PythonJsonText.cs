using System.Globalization;
using System.Text;

namespace IronicCore.Api.Errors;

/// <summary>
/// A string as Python's <c>json.dumps</c> writes it with its default <c>ensure_ascii</c>, as Ironic's
/// error middleware does: every character outside printable ASCII as a lowercase <c>\uXXXX</c>
/// escape (a NUL as <c>\u0000</c>, an <c>é</c> as <c>\u00e9</c>), quotes and backslashes escaped,
/// the short escapes for the usual control characters.
/// </summary>
internal static class PythonJsonText
{
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\b' => builder.Append("\\b"),
                '\f' => builder.Append("\\f"),
                < ' ' or > '~' => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }
}
