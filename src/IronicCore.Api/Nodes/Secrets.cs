using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Nodes;

/// <summary>Ironic hides password- and token-like values in answers (<c>strutils.mask_dict_password</c>).</summary>
internal static class Secrets
{
    public const string Masked = "******";

    private static readonly string[] SecretWords =
        ["password", "secret", "token", "credential", "auth_key", "private_key", "configdrive", "image_url"];

    public static JsonObject Mask(JsonObject values)
    {
        var masked = new JsonObject();
        foreach (var (key, value) in values)
        {
            masked[key] = IsSecret(key) ? Masked : value?.DeepClone();
        }

        return masked;
    }

    /// <summary>A node's <c>driver_info</c>, masked, straight to a writer.</summary>
    public static void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, string> values)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in values)
        {
            writer.WriteString(key, IsSecret(key) ? Masked : value);
        }

        writer.WriteEndObject();
    }

    /// <summary>A stored dictionary (<c>instance_info</c>), masked, straight to a writer; unset is <c>{}</c>.</summary>
    public static void Write(Utf8JsonWriter writer, JsonElement values)
    {
        writer.WriteStartObject();
        if (values.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in values.EnumerateObject())
            {
                writer.WritePropertyName(property.Name);
                if (IsSecret(property.Name))
                {
                    writer.WriteStringValue(Masked);
                }
                else
                {
                    property.Value.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
    }

    private static bool IsSecret(string key) => SecretWords.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase));
}
