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
}
