using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IronicCore.Steps;

/// <summary>
/// oslo.utils' <c>strutils.mask_dict_password</c> and <c>mask_password</c>, which Ironic master
/// applies to each step's <c>args</c> before quoting a step list in node history: a value whose
/// key names a secret becomes <c>'***'</c>, a nested dictionary is masked in turn, a string has its
/// <c>key=value</c>-like secrets masked; anything else (lists included) is left as it is.
/// </summary>
internal static class PasswordMask
{
    private const string Secret = "***";

    /// <summary>oslo.utils' <c>_SANITIZE_KEYS</c>: a key containing one of these (in lower case) holds a secret.</summary>
    private static readonly string[] SanitizeKeys =
    [
        "adminpass", "admin_pass", "password", "admin_password", "auth_token", "new_pass", "auth_password", "secret_uuid",
        "secret", "sys_pswd", "token", "configdrive", "chappassword", "encrypted_key", "private_key", "fernetkey", "sslkey",
        "passphrase", "cephclusterfsid", "octaviaheartbeatkey", "rabbitcookie", "cephmanilaclientkey",
        "pacemakerremoteauthkey", "designaterndckey", "cephadminkey", "heatauthencryptionkey", "cephclientkey",
        "keystonecredential", "barbicansimplecryptokek", "cephrgwkey", "swifthashsuffix", "migrationsshkey", "cephmdskey",
        "cephmonkey", "chapsecret",
    ];

    // oslo.utils' patterns, {0} standing for the key: those that keep two groups around the
    // secret, the one that keeps one, and the "wildcard" one that keeps only its first group.
    private static readonly string[] TwoGroupPatterns =
    [
        @"({0}[0-9]*\s*[=]\s*[""'])[^""']*([""'])",
        @"({0}[0-9]*\s*[=]\s*[""])[^""]*([""])",
        @"({0}[0-9]*\s*[=]\s*['])[^']*(['])",
        @"({0}[0-9]*\s+[""'])[^""']*([""'])",
        @"([-]{{2}}{0}[0-9]*\s+)[^'^""^=^\s]+([\s]*)",
        @"(<{0}[0-9]*>)[^<]*(</{0}[0-9]*>)",
        @"([""']{0}[0-9]*[""']\s*:\s*[""'])[^""']*([""'])",
        @"(['""][^""']*{0}[0-9]*['""]\s*:\s*u?['""])[^""']*(['""])",
        @"(['""][^'""]*{0}[0-9]*['""]\s*,\s*'--?[A-z]+'\s*,\s*u?['""])[^""']*(['""])",
        @"({0}[0-9]*\s*--?[A-z]+\s*)\S+(\s*)",
    ];

    private const string OneGroupPattern = @"({0}[0-9]*\s*[=]\s*)[^\s^'^""]+";

    private const string WildcardPattern = @"(['""][^""']*{0}[0-9]*['""]\s*:\s*u?['""].*['""])[^""']*(['""])";

    // Built on first need: only a string naming a secret is matched against them.
    private static readonly Lazy<FrozenDictionary<string, (Regex[] TwoGroups, Regex OneGroup, Regex Wildcard)>> Patterns = new(() =>
        SanitizeKeys.ToFrozenDictionary(key => key, key => (
            TwoGroupPatterns.Select(p => Compile(p, key)).ToArray(), Compile(OneGroupPattern, key), Compile(WildcardPattern, key))));

    /// <summary><c>mask_dict_password</c> of a JSON object: a new object, its keys in their order.</summary>
    public static JsonElement MaskDict(JsonElement dictionary) => JsonSerializer.SerializeToElement(Mask(dictionary));

    /// <summary><c>mask_password</c>: the secrets a string spells out (<c>password=...</c>, <c>"token": "..."</c>) masked.</summary>
    public static string MaskPassword(string message)
    {
        foreach (var key in SanitizeKeys)
        {
            // Each key's test reads the message as the keys before it left it.
            if (!message.ToLowerInvariant().Contains(key, StringComparison.Ordinal))
            {
                continue;
            }

            var (twoGroups, oneGroup, wildcard) = Patterns.Value[key];
            foreach (var pattern in twoGroups)
            {
                message = pattern.Replace(message, "${1}" + Secret + "${2}");
            }

            message = oneGroup.Replace(message, "${1}" + Secret);
            message = wildcard.Replace(message, "${1}");
        }

        return message;
    }

    private static JsonObject Mask(JsonElement dictionary)
    {
        var masked = new JsonObject();
        foreach (var field in dictionary.EnumerateObject())
        {
            masked[field.Name] = field.Value.ValueKind switch
            {
                // A nested dictionary is masked whatever its key.
                JsonValueKind.Object => Mask(field.Value),
                _ when IsSecretKey(field.Name) => Secret,
                JsonValueKind.String => MaskPassword(field.Value.GetString()!),
                _ => JsonNode.Parse(field.Value.GetRawText()),
            };
        }

        return masked;
    }

    private static bool IsSecretKey(string key)
    {
        var lower = key.ToLowerInvariant();
        return SanitizeKeys.Any(k => lower.Contains(k, StringComparison.Ordinal));
    }

    private static Regex Compile(string pattern, string key) =>
        new(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Regex.Escape(key)),
            RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
