namespace IronicCore.Configuration.Files;

/// <summary>
/// oslo.config's INI dialect (<c>oslo_config/iniparser.py</c> and <c>cfg.ConfigParser</c>): a
/// line starting with <c>#</c> or <c>;</c> is a comment; a line starting with blanks continues the
/// value above it; a blank or comment line ends a value; <c>key = value</c> or <c>key: value</c>,
/// whichever separator comes first; one pair of matching quotes around a value is dropped; an
/// inline <c>#</c> is part of the value, as it is for Ironic.
/// </summary>
internal static class OsloIniParser
{
    /// <summary>Every assignment of <paramref name="text"/>, in file order.</summary>
    /// <exception cref="ConfigFileException">The text is not oslo INI (oslo's <c>ConfigFileParseError</c>).</exception>
    public static List<OsloAssignment> Parse(string file, string text)
    {
        var assignments = new List<OsloAssignment>();
        string? section = null;
        string? key = null;
        var start = 0;
        var value = new List<string>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var number = index + 1;
            var raw = lines[index];
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                if (key is null)
                {
                    throw Error(number, "Unexpected continuation line", raw);
                }

                value.Add(line.TrimStart());
                continue;
            }

            Flush();
            if (line[0] == '[')
            {
                section = line[^1] != ']' ? throw Error(number, "Invalid section (must end with ])", line)
                    : line.Length <= 2 ? throw Error(number, "Empty section name", line)
                    : line[1..^1];
            }
            else if (line[0] is not ('#' or ';'))
            {
                (key, var first) = SplitKeyValue(line, number);
                if (key.Length == 0)
                {
                    throw Error(number, "Key cannot be empty", line);
                }

                if (section is null)
                {
                    throw new ConfigFileException(file, null, null, $"Failed to parse {file}: at {file}:{number}, Section must be started before assignment: None");
                }

                start = number;
                value.Add(first);
            }
        }

        Flush();
        return assignments;

        void Flush()
        {
            if (key is not null)
            {
                var normalized = section == "DEFAULT" ? section : section!.ToLowerInvariant();
                assignments.Add(new OsloAssignment(file, start, normalized, key, string.Join('\n', value)));
            }

            key = null;
            value.Clear();
        }

        (string Key, string Value) SplitKeyValue(string line, int number)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var equal = line.IndexOf('=', StringComparison.Ordinal);
            if (colon < 0 && equal < 0)
            {
                throw Error(number, "No ':' or '=' found in assignment", line);
            }

            var at = colon < 0 || (equal >= 0 && equal < colon) ? equal : colon;
            var text = line[(at + 1)..].Trim();
            if (text.Length > 0 && text[0] == text[^1] && text[0] is '"' or '\'')
            {
                text = text.Length == 1 ? string.Empty : text[1..^1];
            }

            return (line[..at].Trim(), text);
        }

        ConfigFileException Error(int number, string message, string line) =>
            new(file, null, null, $"Failed to parse {file}: at {file}:{number}, {message}: {PythonText.Repr(line)}");
    }
}
