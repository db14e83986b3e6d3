using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;

namespace IronicCore.Api.Http;

/// <summary>Ironic's booleans: JSON booleans or the strings oslo's <c>bool_from_string</c> knows, any case.</summary>
internal static class IronicBool
{
    private static readonly string[] True = ["1", "t", "true", "on", "y", "yes"];
    private static readonly string[] False = ["0", "f", "false", "off", "n", "no"];

    public static bool Parse(string name, string text)
    {
        var lower = text.Trim().ToLowerInvariant();
        if (True.Contains(lower))
        {
            return true;
        }

        if (False.Contains(lower))
        {
            return false;
        }

        throw ApiFault.BadRequest(
            $"Invalid {name}: Unrecognized value '{text}', acceptable values are: " +
            "'0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'");
    }

    /// <summary>A JSON value that must be a boolean (string forms accepted); null stays null.</summary>
    public static bool? Parse(string name, JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.TryGetValue<string>(out var text) => Parse(name, text),
        _ => throw ApiFault.BadRequest($"Invalid {name}: {value.ToJsonString(IronicJson.Options)} is not of type 'boolean'"),
    };
}
