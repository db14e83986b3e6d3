using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using IronicCore.States;

namespace IronicCore.Api.Nodes;

/// <summary>A node as JSON at the request's microversion: newer fields hidden, older state names kept.</summary>
internal static class NodeRenderer
{
    /// <param name="node">The node.</param>
    /// <param name="version">The request's version.</param>
    /// <param name="baseUrl">Scheme and host for links.</param>
    /// <param name="fields">Only these (plus <c>links</c>); null for all.</param>
    public static JsonObject Render(NodeSnapshot node, ApiVersion version, string baseUrl, IReadOnlyCollection<string>? fields = null)
    {
        var json = new JsonObject();
        foreach (var field in NodeFields.All)
        {
            if (version.Allows(field.Since) && (fields is null || fields.Contains(field.Name) || field.Name == "links"))
            {
                json[field.Name] = field.Render(node, baseUrl);
            }
        }

        if (json.ContainsKey("provision_state"))
        {
            json["provision_state"] = OlderName(node.View.ProvisionState, version);
        }

        return json;
    }

    /// <summary>
    /// The node's JSON as bytes, kept in the snapshot when the selection is every field or the
    /// list's defaults (what clients ask again and again), so that reading it again copies bytes.
    /// </summary>
    public static byte[] RenderBytes(NodeSnapshot node, ApiVersion version, string baseUrl, IReadOnlyCollection<string>? fields)
    {
        if (node.Rendered is { } kept && kept.Fits(version, baseUrl, fields))
        {
            return kept.Json;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(Render(node, version, baseUrl, fields), IronicJson.Options);
        if (fields is null || ReferenceEquals(fields, NodeFields.ListDefault))
        {
            node.Rendered = new RenderedNode(version, baseUrl, fields, json);
        }

        return json;
    }

    /// <summary>Before 1.2 <c>available</c> was shown as null; before 1.39 <c>inspect wait</c> as <c>inspecting</c>.</summary>
    private static string? OlderName(ProvisionState state, ApiVersion version) => state switch
    {
        ProvisionState.Available when !version.Allows(2) => null,
        ProvisionState.InspectWait when !version.Allows(39) => ProvisionState.Inspecting.ToIronicName(),
        _ => state.ToIronicName(),
    };
}
