using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Auth;

/// <summary>
/// Ironic's http_basic strategy, in front of the whole API: the version documents and the
/// ramdisk endpoints are public; everything else needs <c>Authorization: Basic</c> for a user of
/// the htpasswd file. Refusals have their own compact body, without version headers.
/// </summary>
internal sealed partial class HttpBasicAuth(RequestDelegate next, Htpasswd users)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (PublicRoute().IsMatch(path))
        {
            return next(context);
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Refuse(context, 401, "Authorization required");
        }

        var parts = header.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return Refuse(context, 400, "Could not parse Authorization header");
        }

        if (!parts[0].Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(context, 400, $"Unsupported authorization type \"{parts[0]}\"");
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parts[1].Trim()));
        }
        catch (FormatException)
        {
            return Refuse(context, 400, "Could not decode authorization token");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return Refuse(context, 400, "Could not decode authorization token");
        }

        return users.Verify(decoded[..colon], decoded[(colon + 1)..])
            ? next(context)
            : Refuse(context, 401, "Incorrect username or password");
    }

    private static Task Refuse(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (status == 401)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Baremetal API\"";
        }

        var text = System.Text.Json.JsonSerializer.Serialize(message, Http.IronicJson.Options);
        return context.Response.WriteAsync($"{{\"error\":{{\"message\":{text},\"code\":{status}}}}}");
    }

    // Paths are normalised (no trailing slash) before this runs.
    [GeneratedRegex(@"^(/|/v1|/v1/lookup|/v1/heartbeat/[a-z0-9-]+)(\.json|\.xml)?$")]
    private static partial Regex PublicRoute();
}
