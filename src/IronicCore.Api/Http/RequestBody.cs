using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Http;

/// <summary>
/// Request bodies: JSON when present (never required on a body-less request), of any size as in
/// 21.4 and 2025.1 (master's limits are <see cref="JsonBodyLimits"/>'), decoded as strict UTF-8 first
/// as webob decodes them.
/// </summary>
internal static class RequestBody
{
    /// <summary>The body as JSON, or null when there is none.</summary>
    public static async Task<JsonNode?> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            return null;
        }

        if (PythonUtf8.Error(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is { } undecodable)
        {
            // webob's request.json decodes before parsing; the UnicodeDecodeError escapes as a 500.
            throw new ApiFault(StatusCodes.Status500InternalServerError, undecodable);
        }

        try
        {
            return JsonNode.Parse(buffer.ToArray()) ?? JsonValue.Create((string?)null);
        }
        catch (JsonException error)
        {
            // Ironic lets the JSON decoder's error escape its controllers: a 500 naming the position.
            throw new ApiFault(StatusCodes.Status500InternalServerError,
                $"Malformed JSON in request body: line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1}.");
        }
    }

    /// <summary>The body as a JSON object (an absent body is an empty one).</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpContext context, string schema)
    {
        var body = await ReadAsync(context).ConfigureAwait(false);
        return body switch
        {
            null => [],
            JsonObject document => document,
            _ => throw ApiFault.BadRequest($"Schema error for {schema}: {body.ToJsonString(IronicJson.Options)} is not of type 'object'"),
        };
    }

    /// <summary>Refuses keys outside <paramref name="allowed"/> as Ironic's argument check does.</summary>
    public static void AllowOnly(JsonObject body, params ReadOnlySpan<string> allowed)
    {
        var extra = new List<string>();
        foreach (var (key, _) in body)
        {
            if (!allowed.Contains(key))
            {
                extra.Add(key);
            }
        }

        if (extra.Count > 0)
        {
            throw ApiFault.BadRequest($"Unexpected arguments: {string.Join(", ", extra)}");
        }
    }

    /// <summary>A string field, or null when absent or null.</summary>
    public static string? String(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => throw ApiFault.BadRequest($"Invalid {name}: {other.ToJsonString(IronicJson.Options)} is not of type 'string'"),
    };
}
