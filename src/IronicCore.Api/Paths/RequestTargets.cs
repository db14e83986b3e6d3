using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace IronicCore.Api.Paths;

/// <summary>
/// What Ironic answers about a request's target before any of its controllers run, each as a pecan
/// abort (code, title and description; no version headers): a path or query whose escapes are not
/// UTF-8 (webob cannot decode it: 400, empty description), and a node path whose ident is neither a
/// UUID nor a name (<c>NodesController._lookup</c>: 400 <c>Expected UUID or name for node: x</c>).
/// </summary>
internal static class RequestTargets
{
    /// <summary>The node routes pecan reaches through a child controller, not <c>_lookup</c>: they check the ident themselves.</summary>
    private static readonly string[] Children = ["states", "management", "vendor_passthru"];

    /// <summary>webob decodes the path and query as UTF-8 before pecan routes.</summary>
    public static Task Decodable(HttpContext context, RequestDelegate next)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is not null && raw.Contains('%', StringComparison.Ordinal) && PythonUtf8.Error(Unescape(raw)) is not null)
        {
            throw new RouterFault(StatusCodes.Status400BadRequest, string.Empty, aborted: true);
        }

        return next(context);
    }

    /// <summary>
    /// Ironic's <c>NodesController._lookup</c>, which pecan calls for <c>/v1/nodes/{ident}</c> and every
    /// path below it but the child controllers' (and <c>maintenance</c>'s PUT and DELETE).
    /// </summary>
    public static Task NodeIdent(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value.AsSpan();
        if (path.StartsWith("/v1/nodes/", StringComparison.Ordinal))
        {
            var rest = path["/v1/nodes/".Length..];
            var slash = rest.IndexOf('/');
            var ident = slash < 0 ? rest : rest[..slash];
            var child = slash < 0 ? [] : rest[(slash + 1)..];
            child = child.IndexOf('/') is var end and >= 0 ? child[..end] : child;
            if (!Guid.TryParse(ident, out _) && !NodeNames.IsValid(ident.ToString()) && !ChildRoutes(child, context.Request.Method))
            {
                throw new RouterFault(StatusCodes.Status400BadRequest, $"Expected UUID or name for node: {ident}", aborted: true);
            }
        }

        return next(context);
    }

    private static bool ChildRoutes(ReadOnlySpan<char> child, string method)
    {
        foreach (var name in Children)
        {
            if (child.SequenceEqual(name))
            {
                return true;
            }
        }

        return child.SequenceEqual("maintenance") && (HttpMethods.IsPut(method) || HttpMethods.IsDelete(method));
    }

    /// <summary>The target's bytes with every <c>%XX</c> escape decoded (a <c>+</c> is not a space here: only the bytes' validity matters).</summary>
    private static byte[] Unescape(string raw)
    {
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '%' && i + 2 < raw.Length && Uri.IsHexDigit(raw[i + 1]) && Uri.IsHexDigit(raw[i + 2]))
            {
                bytes.Add(Convert.ToByte(raw.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)raw[i]);
            }
        }

        return [.. bytes];
    }
}
