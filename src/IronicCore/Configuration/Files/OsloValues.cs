using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IronicCore.Configuration.Files;

/// <summary>
/// A file's text for an option turned into the JSON form <see cref="ConductorOptions.FromNames"/>
/// takes, as oslo.config's types (<c>oslo_config/types.py</c>) convert it for Ironic: booleans by
/// oslo's words, integers as Python's <c>int()</c> reads them within the option's min and max,
/// lists split on commas, dictionaries as <c>key:value</c> pairs, choices by name. A value Ironic
/// refuses throws <see cref="FormatException"/> with oslo's <c>ValueError</c> message.
/// </summary>
internal static partial class OsloValues
{
    private static readonly string[] TrueWords = ["true", "1", "on", "yes"];
    private static readonly string[] FalseWords = ["false", "0", "off", "no"];

    /// <summary>The option's value from its lines: the last one, or every one for a multi-valued option.</summary>
    /// <exception cref="FormatException">oslo.config refuses the value; the message is its own.</exception>
    public static JsonElement Convert(OptionEntry entry, IReadOnlyList<string> lines)
    {
        var kind = entry.Kind.Underlying;
        if (kind == OptionKind.PriorityOverrides)
        {
            // MultiOpt of Dict: each line a dictionary, later keys winning as Ironic merges them.
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var line in lines)
            {
                foreach (var (key, value) in Dict(line))
                {
                    order.Remove(key);
                    order.Add(key);
                    merged[key] = value;
                }
            }

            return JsonSerializer.SerializeToElement(order.Select(key => $"{key}:{merged[key]}"));
        }

        if (kind == OptionKind.TextList)
        {
            return JsonSerializer.SerializeToElement(entry.Multiple ? lines : List(lines[^1]));
        }

        var text = lines[^1];
        if (kind == OptionKind.TextMap)
        {
            return JsonSerializer.SerializeToElement(Dict(text).ToDictionary(StringComparer.Ordinal));
        }

        if (kind == OptionKind.Boolean)
        {
            var word = text.ToLowerInvariant();
            return TrueWords.Contains(word) ? JsonSerializer.SerializeToElement(true)
                : FalseWords.Contains(word) ? JsonSerializer.SerializeToElement(false)
                : throw new FormatException($"Unexpected boolean value {PythonText.Repr(text)}");
        }

        if (kind == OptionKind.Integer || kind == OptionKind.Seconds)
        {
            return Integer(entry, text);
        }

        if (kind.Choices is { } choices && !choices.Contains(text))
        {
            throw new FormatException($"Valid values are [{string.Join(", ", choices)}], but found {PythonText.Repr(text)}");
        }

        return JsonSerializer.SerializeToElement(text);
    }

    /// <summary>oslo's <c>Integer</c>: blank is None; otherwise Python's <c>int()</c>, then the bounds.</summary>
    private static JsonElement Integer(OptionEntry entry, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return entry.Kind.TakesNull
                ? JsonSerializer.SerializeToElement<object?>(null)
                : throw new FormatException("the value is empty, which Ironic reads as None; IronicCore needs a number here");
        }

        if (!PythonInteger().IsMatch(trimmed)
            || !long.TryParse(trimmed.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            throw new FormatException($"invalid literal for int() with base 10: {PythonText.Repr(text)}");
        }

        if (entry.Minimum is { } min && number < min)
        {
            throw new FormatException($"Should be greater than or equal to {PythonText.G(min)}");
        }

        if (entry.Maximum is { } max && number > max)
        {
            throw new FormatException($"Should be less than or equal to {PythonText.G(max)}");
        }

        if (entry.Kind.Underlying == OptionKind.Integer && number is < int.MinValue or > int.MaxValue)
        {
            throw new FormatException($"{number} does not fit the 32-bit integer IronicCore holds this option in");
        }

        return JsonSerializer.SerializeToElement(number);
    }

    /// <summary>oslo's <c>List</c> of strings: trailing commas dropped, items split on commas and trimmed.</summary>
    internal static List<string> List(string text)
    {
        var trimmed = text.Trim().TrimEnd(',');
        return trimmed.Length == 0 ? [] : [.. trimmed.Split(',').Select(item => item.Trim())];
    }

    /// <summary>oslo's <c>Dict</c> of strings: <c>key:value</c> pairs split on commas, in order.</summary>
    private static List<KeyValuePair<string, string>> Dict(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return pairs;
        }

        var parts = new Queue<string>(trimmed.Split(','));
        while (parts.Count > 0)
        {
            // A pair without a colon takes the next part in, as oslo retries a value holding commas.
            var pair = parts.Dequeue();
            int colon;
            while ((colon = pair.IndexOf(':', StringComparison.Ordinal)) < 0)
            {
                pair = parts.Count > 0 ? $"{pair},{parts.Dequeue()}" : throw new FormatException("Value should be NAME:VALUE pairs separated by \",\"");
            }

            var key = pair[..colon].Trim();
            if (key.Length == 0)
            {
                throw new FormatException("Key name should not be empty");
            }

            if (pairs.Any(existing => existing.Key == key))
            {
                throw new FormatException($"Duplicate key {key}");
            }

            pairs.Add(KeyValuePair.Create(key, pair[(colon + 1)..].Trim()));
        }

        return pairs;
    }

    /// <summary>What Python's <c>int()</c> takes in base 10 (ASCII digits, underscores between them).</summary>
    [GeneratedRegex(@"^[+-]?[0-9]+(_[0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PythonInteger();
}
