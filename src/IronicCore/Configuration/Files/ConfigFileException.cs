namespace IronicCore.Configuration.Files;

/// <summary>
/// A configuration file (<c>--config-file</c>) that Ironic would not start with, or that names an
/// option IronicCore does not simulate: the message is one line naming the file, and the section and
/// option when one is at fault, with oslo.config's or Ironic's own words. Nothing was built from it.
/// </summary>
public sealed class ConfigFileException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="file">The file at fault.</param>
    /// <param name="section">The section at fault, or null when the whole file is.</param>
    /// <param name="option">The option at fault, or null when the whole file is.</param>
    /// <param name="message">The whole message, one line.</param>
    public ConfigFileException(string file, string? section, string? option, string message)
        : base(message)
    {
        File = file;
        Section = section;
        Option = option;
    }

    /// <summary>The file at fault, as it was given.</summary>
    public string File { get; }

    /// <summary>The section at fault, e.g. <c>conductor</c>; null when the whole file is.</summary>
    public string? Section { get; }

    /// <summary>The option at fault, e.g. <c>workers_pool_size</c>; null when the whole file is.</summary>
    public string? Option { get; }
}
