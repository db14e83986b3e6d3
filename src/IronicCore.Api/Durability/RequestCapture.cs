using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IronicCore.Api.Durability;

/// <summary>
/// The request being served, as the journal needs it: its method, raw path, query and headers
/// (credentials left out), and the body bytes its handler read (a tee on the body, so the API's
/// own body limits and errors apply first). <see cref="Hosting.ConductorLoop.Run"/> takes it when
/// the request's work enters the conductor: that one place journals every route.
/// </summary>
internal sealed class RequestCapture
{
    private static readonly AsyncLocal<RequestCapture?> CurrentCapture = new();

    private readonly HttpContext context;
    private readonly string path;
    private readonly string query;
    private readonly KeyValuePair<string, string>[] headers;
    private readonly ArrayBufferWriter<byte>? body;
    private bool taken;

    private RequestCapture(HttpContext context)
    {
        this.context = context;
        var request = context.Request;
        path = request.Path.Value ?? "/";
        query = request.QueryString.Value ?? string.Empty;
        headers = [.. request.Headers
            .Where(h => !Secret(h.Key))
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? string.Empty)))];
        if (!IsRead(request.Method))
        {
            body = new ArrayBufferWriter<byte>();
            request.Body = new TeeStream(request.Body, body);
        }
    }

    /// <summary>The capture of the request this async flow serves, if any.</summary>
    public static RequestCapture? Current => CurrentCapture.Value;

    /// <summary>The middleware: captures each request before any other part of the API sees it.</summary>
    public static async Task Middleware(HttpContext context, RequestDelegate next)
    {
        // Set in an async method, so the value ends with the request's flow.
        CurrentCapture.Value = new RequestCapture(context);
        await next(context).ConfigureAwait(false);
    }

    /// <summary>
    /// The record of this request's first work for the conductor when the request changes state
    /// (any method but GET, HEAD and OPTIONS, and a GET whose route says it does); null otherwise,
    /// and for the request's later work, which its replay runs again by itself.
    /// </summary>
    public JournalRecord? Take()
    {
        if (taken || (IsRead(context.Request.Method) && context.GetEndpoint()?.Metadata.GetMetadata<ChangesStateOnRead>() is null))
        {
            return null;
        }

        taken = true;
        return new JournalRecord(
            JournalRecordKind.Request, 0, 0, context.Request.Method, path, query, headers, body?.WrittenMemory.ToArray() ?? ReadOnlyMemory<byte>.Empty);
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    private static bool Secret(string header) =>
        header.Equals(HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase)
        || header.Equals(HeaderNames.ProxyAuthorization, StringComparison.OrdinalIgnoreCase)
        || header.Equals(HeaderNames.Cookie, StringComparison.OrdinalIgnoreCase)
        || header.Equals("X-Auth-Token", StringComparison.OrdinalIgnoreCase);
}
