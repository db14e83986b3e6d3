using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Http;

/// <summary>
/// Master's guard before any controller (api/middleware/json_depth.py, mounted by api/app.py with
/// the [api] max_json_body_* defaults): a request whose Content-Type names JSON and whose body is
/// over 1 MiB (64 MiB on <c>states/provision</c>, where config drives travel; 16 MiB on
/// <c>continue_inspection</c>) gets 413, one nested deeper than 25 (counting brackets outside
/// strings) gets 400; both with the middleware's flat JSON body, before Pecan's hooks, so without
/// version headers. 21.4 and 2025.1 have no such guard and no limit.
/// </summary>
internal sealed class JsonBodyLimits(RequestDelegate next, ApiVersions versions)
{
    public const int MaxDepth = 25;
    public const long MaxSize = 1024 * 1024;
    public const long MaxProvisionSize = 65536L * 1024;
    public const long MaxInspectionSize = 16384L * 1024;

    private const string TooLarge = "{\"faultcode\": \"Client\", \"faultstring\": \"Request body is too large. Please contact the service administrator.\"}";
    private const string TooDeep = "{\"faultcode\": \"Client\", \"faultstring\": \"Request body JSON is nested too deeply. Please contact the service administrator.\"}";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!versions.LimitsJsonBodies || context.Request.ContentType?.Contains("json", StringComparison.Ordinal) != true)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var path = (context.Request.Path.Value ?? string.Empty).Trim('/');
        var limit = path.EndsWith("states/provision", StringComparison.Ordinal) ? MaxProvisionSize
            : path.EndsWith("continue_inspection", StringComparison.Ordinal) ? MaxInspectionSize
            : MaxSize;
        if (context.Request.ContentLength > limit)
        {
            await Reject(context, StatusCodes.Status413PayloadTooLarge, TooLarge).ConfigureAwait(false);
            return;
        }

        // Read at most one byte past the limit, as the middleware does for a body of unknown length.
        context.Request.EnableBuffering();
        var body = new MemoryStream();
        await using (body.ConfigureAwait(false))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                body.Write(buffer, 0, read);
                if (body.Length > limit)
                {
                    await Reject(context, StatusCodes.Status413PayloadTooLarge, TooLarge).ConfigureAwait(false);
                    return;
                }
            }

            if (!WithinDepth(body.GetBuffer().AsSpan(0, (int)body.Length)))
            {
                await Reject(context, StatusCodes.Status400BadRequest, TooDeep).ConfigureAwait(false);
                return;
            }
        }

        context.Request.Body.Position = 0;
        await next(context).ConfigureAwait(false);
    }

    /// <summary>json_depth.check_depth: brackets counted outside strings, escapes skipped, on the raw bytes.</summary>
    public static bool WithinDepth(ReadOnlySpan<byte> raw)
    {
        var depth = 0;
        var inString = false;
        var escape = false;
        foreach (var b in raw)
        {
            if (escape)
            {
                escape = false;
            }
            else if (inString)
            {
                escape = b == '\\';
                inString = b != '"';
            }
            else if (b == '"')
            {
                inString = true;
            }
            else if (b is (byte)'{' or (byte)'[' && ++depth > MaxDepth)
            {
                return false;
            }
            else if (b is (byte)'}' or (byte)']')
            {
                depth--;
            }
        }

        return true;
    }

    private static Task Reject(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }
}
