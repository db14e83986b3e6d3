using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Http;

/// <summary>Ironic's answers: JSON bodies, and 202/204 with no body and no content type.</summary>
internal static class Respond
{
    public static Task Json(HttpContext context, JsonNode body, int status = StatusCodes.Status200OK) =>
        Raw(context, status, body.ToJsonString(IronicJson.Options));

    public static Task Raw(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
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
