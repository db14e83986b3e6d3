using System.Globalization;
using System.Text;

namespace IronicCore.Configuration.Files;

/// <summary>Python's text forms that oslo.config's messages use: <c>%r</c> of a string and <c>%g</c> of a number.</summary>
internal static class PythonText
{
    /// <summary>A string as Python's <c>repr</c> writes it: single quotes unless it holds one and no double quote.</summary>
    public static string Repr(string text)
    {
        var quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder().Append(quote);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '\n' => builder.Append(@"\n"),
                '\r' => builder.Append(@"\r"),
                '\t' => builder.Append(@"\t"),
                _ when c == quote => builder.Append('\\').Append(c),
                _ when c < ' ' => builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append(quote).ToString();
    }

    /// <summary>A whole number as Python's <c>%g</c> writes it: six significant digits, an exponent from 10^6 on.</summary>
    public static string G(long number)
    {
        var magnitude = Math.Abs((double)number);
        if (magnitude < 1e6)
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        var exponent = (int)Math.Floor(Math.Log10(magnitude));
        var mantissa = Math.Round(number / Math.Pow(10, exponent), 5);
        if (Math.Abs(mantissa) >= 10)
        {
            mantissa /= 10;
            exponent++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{mantissa:0.#####}e+{exponent:00}");
    }
}
