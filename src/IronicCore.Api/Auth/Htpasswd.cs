using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace IronicCore.Api.Auth;

/// <summary>
/// An Apache htpasswd file as Ironic's http_basic strategy reads it: bcrypt hashes only (any
/// other digest makes the file invalid at start-up); the first line for a user wins; a line
/// without a colon is no entry.
/// </summary>
internal sealed class Htpasswd
{
    private readonly Dictionary<string, string> hashes = new(StringComparer.Ordinal);

    // Credentials bcrypt already accepted, as SHA-256 digests: bcrypt costs milliseconds of CPU by
    // design, which on every request would cap the API at a few hundred answers a second. One entry
    // per user at most (only the password that matches the user's hash gets in).
    private readonly ConcurrentDictionary<string, bool> accepted = new(StringComparer.Ordinal);

    private Htpasswd()
    {
    }

    /// <summary>
    /// Reads the file as Ironic's <c>validate_auth_file</c> does at start-up (ironic_lib/auth_basic.py):
    /// lines without a colon are skipped; every other line must hold a bcrypt hash.
    /// </summary>
    /// <exception cref="InvalidDataException">The file cannot be read, or a line is not bcrypt: Ironic's <c>ConfigInvalid</c> message.</exception>
    public static Htpasswd Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"Invalid configuration file. Problem reading auth user file: {path}", error);
        }

        return Parse(text);
    }

    /// <exception cref="InvalidDataException">A line with a colon does not hold a bcrypt hash: Ironic's <c>ConfigInvalid</c> message.</exception>
    public static Htpasswd Parse(string text)
    {
        var file = new Htpasswd();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var hash = line[(colon + 1)..];
            if (!(hash.StartsWith("$2y$", StringComparison.Ordinal) || hash.StartsWith("$2a$", StringComparison.Ordinal) || hash.StartsWith("$2b$", StringComparison.Ordinal)))
            {
                throw new InvalidDataException($"Invalid configuration file. Only bcrypt digested passwords are supported for {line[..colon]}");
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

        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user}\0{password}\0{hash}")));
        if (accepted.ContainsKey(digest))
        {
            return true;
        }

        // BCrypt.Net knows $2a$/$2b$; $2y$ (Apache's) is the same algorithm under another name.
        var normalized = hash.StartsWith("$2y$", StringComparison.Ordinal) ? "$2b$" + hash[4..] : hash;
        if (!BCrypt.Net.BCrypt.Verify(password, normalized))
        {
            return false;
        }

        accepted.TryAdd(digest, true);
        return true;
    }
}
