namespace IronicCore.Api.Auth;

/// <summary>
/// An Apache htpasswd file as Ironic's http_basic strategy reads it: bcrypt hashes only (any
/// other digest makes the file invalid at start-up); the first line for a user wins.
/// </summary>
internal sealed class Htpasswd
{
    private readonly Dictionary<string, string> hashes = new(StringComparer.Ordinal);

    private Htpasswd()
    {
    }

    /// <exception cref="InvalidDataException">A line is not <c>user:bcrypt-hash</c>.</exception>
    public static Htpasswd Parse(string text)
    {
        var file = new Htpasswd();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var hash = colon > 0 ? line[(colon + 1)..] : string.Empty;
            if (!(hash.StartsWith("$2y$", StringComparison.Ordinal) || hash.StartsWith("$2a$", StringComparison.Ordinal) || hash.StartsWith("$2b$", StringComparison.Ordinal)))
            {
                throw new InvalidDataException($"Only bcrypt digested passwords are supported, not the entry of line \"{line[..Math.Max(colon, 0)]}\"");
            }

            file.hashes.TryAdd(line[..colon], hash);
        }

        return file;
    }

    public bool Verify(string user, string password)
    {
        if (!hashes.TryGetValue(user, out var hash))
        {
            return false;
        }

        // BCrypt.Net knows $2a$/$2b$; $2y$ (Apache's) is the same algorithm under another name.
        var normalized = hash.StartsWith("$2y$", StringComparison.Ordinal) ? "$2b$" + hash[4..] : hash;
        return BCrypt.Net.BCrypt.Verify(password, normalized);
    }
}
