using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Http;

/// <summary>Ironic's answers: JSON bodies, and 202/204 with no body and no content type.</summary>
internal static class Respond
{
    private const int FlushEvery = 64 * 1024;

    public static Task Json(HttpContext context, JsonNode body, int status = StatusCodes.Status200OK) =>
        Raw(context, status, body.ToJsonString(IronicJson.Options));

    public static Task Raw(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    /// <summary>A JSON body already rendered.</summary>
    public static Task Utf8(HttpContext context, ReadOnlyMemory<byte> json)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        return context.Response.Body.WriteAsync(json).AsTask();
    }

    /// <summary>
    /// A collection's body from its items' rendered JSON: <c>{"NAME":[...]}</c>, with
    /// <c>"next"</c> when given, as the whole object would serialize.
    /// </summary>
    public static async Task Collection(HttpContext context, string name, IReadOnlyList<byte[]> items, string? next)
    {
        var head = Encoding.UTF8.GetBytes($"{{\"{name}\":[");
        byte[] tail = next is null ? [.. "]}"u8] : [.. "],\"next\":"u8, .. JsonSerializer.SerializeToUtf8Bytes(next, IronicJson.Options), .. "}"u8];
        long length = head.Length + tail.Length + Math.Max(0, items.Count - 1);
        foreach (var item in items)
        {
            length += item.Length;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = length;
        var body = context.Response.BodyWriter;
        body.Write(head);
        var unflushed = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                body.Write(","u8);
            }

            body.Write(items[i]);

            // A page of details is megabytes: sent as it is written, the bytes are still in the cache when the socket copies them.
            unflushed += items[i].Length;
            if (unflushed >= FlushEvery)
            {
                unflushed = 0;
                await body.FlushAsync().ConfigureAwait(false);
            }
        }

        body.Write(tail);
        await body.FlushAsync().ConfigureAwait(false);
    }

    public static Task Empty(HttpContext context, int status, string? location = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength = 0;
        if (location is not null)
        {
            context.Response.Headers.Location = location;
        }

        return Task.CompletedTask;
    }
}
