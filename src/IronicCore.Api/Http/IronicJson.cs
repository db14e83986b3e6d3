using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Http;

/// <summary>JSON as Ironic writes it: quotes escaped as <c>\"</c>, not <c>\u0022</c>.</summary>
internal static class IronicJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A value the core keeps (a <see cref="JsonElement"/>) as a node the API may change; its key order kept.</summary>
    public static JsonNode? Node(JsonElement value) => JsonNode.Parse(value.GetRawText());

    /// <summary>A node the API built, as the value the core keeps.</summary>
    public static JsonElement Element(JsonNode? value) => JsonSerializer.SerializeToElement(value);
}
