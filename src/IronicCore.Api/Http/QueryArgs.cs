using System.Globalization;
using IronicCore.Api.Errors;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Http;

/// <summary>Query parameters with Ironic's checks: no unknown names, typed values.</summary>
internal sealed class QueryArgs
{
    private readonly IQueryCollection query;

    public QueryArgs(HttpContext context, params ReadOnlySpan<string> allowed)
    {
        query = context.Request.Query;
        var extra = new List<string>();
        foreach (var key in query.Keys)
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

    public string? this[string name] => query.TryGetValue(name, out var value) ? value.ToString() : null;

    public bool Has(string name) => query.ContainsKey(name);

    public bool? Bool(string name) => this[name] is { } text ? IronicBool.Parse(name, text) : null;

    public int? Int(string name) => this[name] switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
        var text => throw ApiFault.BadRequest($"Expected an integer for {name}: {text}"),
    };

    /// <summary>Ironic's <c>string_list</c>: comma-separated, lower-cased, each once; null when absent.</summary>
    public List<string>? StringList(string name) =>
        this[name] is { } text ? [.. text.Split(',').Select(f => f.Trim().ToLowerInvariant()).Where(f => f.Length > 0).Distinct()] : null;

    /// <summary>A comma-separated list, or null.</summary>
    public string[]? List(string name) =>
        this[name]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
