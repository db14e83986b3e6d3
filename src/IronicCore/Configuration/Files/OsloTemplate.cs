using System.Text.Json;
using System.Text.RegularExpressions;

namespace IronicCore.Configuration.Files;

/// <summary>
/// oslo.config's substitution of <c>$name</c>, <c>${name}</c> and <c>${section.name}</c> in a value
/// (<c>ConfigOpts._substitute</c>): a name without a section is looked up in the value's own section,
/// then in <c>[DEFAULT]</c>; <c>$$</c> and <c>\$</c> are a dollar sign; a <c>$</c> before anything
/// else stays. A name is the option's value in the files, or its default when IronicCore knows the
/// option; any other name cannot be resolved here (Ironic's default of an option IronicCore does
/// not know, such as <c>my_ip</c>, is the host's), and is refused.
/// </summary>
internal sealed partial class OsloTemplate(Func<string, string, string?> fileValue, Func<string, JsonElement?> knownDefault)
{
    // Python's recursion limit would stop a loop of references; this stops it sooner.
    private const int MaxDepth = 32;

    /// <summary>The value with every reference substituted.</summary>
    /// <exception cref="FormatException">A reference cannot be resolved, or references loop.</exception>
    public string Substitute(string value, string section) => Substitute(value, section, 0);

    private static string Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null => string.Empty,
        JsonValueKind.Array => $"[{string.Join(", ", value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? PythonText.Repr(item.GetString()!) : item.GetRawText()))}]",
        JsonValueKind.Object => $"{{{string.Join(", ", value.EnumerateObject().Select(p => $"{PythonText.Repr(p.Name)}: {(p.Value.ValueKind == JsonValueKind.String ? PythonText.Repr(p.Value.GetString()!) : p.Value.GetRawText())}"))}}}",
        _ => value.GetRawText(),
    };

    private string Substitute(string value, string section, int depth)
    {
        if (!value.Contains('$', StringComparison.Ordinal))
        {
            return value;
        }

        if (depth > MaxDepth)
        {
            throw new FormatException("template substitution error: the references loop");
        }

        return Reference().Replace(value.Replace(@"\$", "$$", StringComparison.Ordinal), match =>
            match.Groups["escaped"].Success ? "$"
            : match.Groups["named"].Success ? Lookup(match.Groups["named"].Value, section, depth)
            : match.Groups["braced"].Success ? Lookup(match.Groups["braced"].Value, section, depth)
            : match.Value);
    }

    private string Lookup(string key, string section, int depth)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        var (group, option) = dot < 0 ? (section, key) : (key[..dot], key[(dot + 1)..]);
        return TryValue(group, option, depth, out var value) || TryValue("DEFAULT", key, depth, out value)
            ? value
            : throw new FormatException(
                $"template substitution error: ${key} is not set in the files and is no option IronicCore knows, so its default (Ironic's) is unknown here");
    }

    private bool TryValue(string group, string option, int depth, out string value)
    {
        if (fileValue(group, option) is { } text)
        {
            value = Substitute(text, group, depth + 1);
            return true;
        }

        if (knownDefault($"{group}.{option}") is { } known)
        {
            value = Format(known);
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>string.Template's pattern with oslo's <c>idpattern</c>, case-insensitive as Python's is.</summary>
    [GeneratedRegex(@"\$(?:(?<escaped>\$)|(?<named>[_a-z][._a-z0-9]*)|\{(?<braced>[_a-z][._a-z0-9]*)\}|(?<invalid>))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
