using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Http;

/// <summary>Ironic's link pairs: <c>self</c> under <c>/v1</c>, <c>bookmark</c> without it.</summary>
internal static class Links
{
    /// <summary>The scheme and host the client used.</summary>
    public static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    public static JsonArray Pair(string baseUrl, string path) =>
    [
        new JsonObject { ["href"] = $"{baseUrl}/v1/{path}", ["rel"] = "self" },
        new JsonObject { ["href"] = $"{baseUrl}/{path}", ["rel"] = "bookmark" },
    ];

    /// <summary>The same pair straight to a writer, for <c>{baseUrl}/v1/{path}{item}{tail}</c>.</summary>
    public static void Write(Utf8JsonWriter writer, string baseUrl, string path, string item, string tail = "")
    {
        writer.WriteStartArray();
        Write(writer, string.Concat(baseUrl, "/v1/", path, string.Concat(item, tail)), "self");
        Write(writer, string.Concat(baseUrl, "/", path, string.Concat(item, tail)), "bookmark");
        writer.WriteEndArray();
    }

    private static void Write(Utf8JsonWriter writer, string href, string rel)
    {
        writer.WriteStartObject();
        writer.WriteString("href"u8, href);
        writer.WriteString("rel"u8, rel);
        writer.WriteEndObject();
    }
}
