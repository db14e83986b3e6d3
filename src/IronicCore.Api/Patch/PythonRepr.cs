using System.Text.Json;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Patch;

/// <summary>JSON as Python's <c>repr</c> shows it, for the documents quoted in Ironic's patch errors.</summary>
internal static class PythonRepr
{
    public static string Of(JsonNode? node) => node switch
    {
        null => "None",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => $"'{p.Key}': {Of(p.Value)}")) + "}",
        JsonArray array => "[" + string.Join(", ", array.Select(Of)) + "]",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => $"'{value.GetValue<string>()}'",
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            _ => value.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };
}
