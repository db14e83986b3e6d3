namespace IronicCore.Configuration.Files;

/// <summary>
/// One <c>key = value</c> of a configuration file as oslo.config's parser gives it: the section's
/// name normalized as oslo normalizes it (<c>DEFAULT</c> kept, any other lowercased), the key as
/// written, the value with its continuation lines joined by newlines, and where it stands.
/// </summary>
/// <param name="File">The file, as given on the command line.</param>
/// <param name="Line">The line the assignment starts on, from 1.</param>
/// <param name="Section">The section, normalized.</param>
/// <param name="Key">The option's name as written.</param>
/// <param name="Value">The value, unquoted and with continuation lines joined.</param>
internal sealed record OsloAssignment(string File, int Line, string Section, string Key, string Value)
{
    /// <summary>Where the assignment stands, as <c>file:line</c>.</summary>
    public string Location => $"{File}:{Line}";
}
