using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Nodes;

/// <summary>Ironic hides password- and token-like values in answers (<c>strutils.mask_dict_password</c>).</summary>
internal static class Secrets
{
    public const string Masked = "******";

    private static readonly string[] SecretWords =
        ["password", "secret", "token", "credential", "auth_key", "private_key", "configdrive", "image_url"];

    public static JsonObject Mask(ImmutableSortedDictionary<string, string> values) =>
        Mask(new JsonObject(values.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))));

    public static JsonObject Mask(JsonObject values)
    {
        var masked = new JsonObject();
        foreach (var (key, value) in values)
        {
            masked[key] = IsSecret(key) ? Masked : value?.DeepClone();
        }

        return masked;
    }

    private static bool IsSecret(string key) => SecretWords.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase));
}
