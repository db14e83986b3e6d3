using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using IronicCore.States;

namespace IronicCore.Api.Nodes;

/// <summary>
/// A node as JSON at the request's microversion: newer fields hidden, older state names kept.
/// Written straight to UTF-8, field by field from <see cref="NodeFields"/>, without building a
/// JSON object first.
/// </summary>
internal static class NodeRenderer
{
    // The fields each microversion shows for the two selections answers are kept for.
    private static readonly NodeField[]?[] AllFields = new NodeField[]?[128];
    private static readonly NodeField[]?[] ListFields = new NodeField[]?[128];

    private static readonly NodeField ProvisionStateField = NodeFields.ByName["provision_state"];

    // One buffer and writer per thread: an answer is copied out of them, so they are reused.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    /// <summary>The node as an object of the caller's own (answers to writes, which amend it).</summary>
    /// <param name="node">The node.</param>
    /// <param name="version">The request's version.</param>
    /// <param name="baseUrl">Scheme and host for links.</param>
    /// <param name="fields">Only these (plus <c>links</c>); null for all.</param>
    public static JsonObject Render(NodeSnapshot node, ApiVersion version, string baseUrl, IReadOnlyCollection<string>? fields = null) =>
        JsonNode.Parse(Write(node, version, baseUrl, fields))!.AsObject();

    /// <summary>
    /// The node's JSON as bytes, kept in the snapshot when the selection is every field or the
    /// list's defaults (what clients ask again and again; one of each), so that reading it again
    /// copies bytes.
    /// </summary>
    public static byte[] RenderBytes(NodeSnapshot node, ApiVersion version, string baseUrl, IReadOnlyCollection<string>? fields)
    {
        var listed = ReferenceEquals(fields, NodeFields.ListDefault);
        if ((fields is null ? node.RenderedAll : listed ? node.RenderedListed : null) is { } kept && kept.Fits(version, baseUrl, fields))
        {
            return kept.Json;
        }

        var json = Write(node, version, baseUrl, fields);
        if (fields is null)
        {
            node.RenderedAll = new RenderedNode(version, baseUrl, fields, json);
        }
        else if (listed)
        {
            node.RenderedListed = new RenderedNode(version, baseUrl, fields, json);
        }

        return json;
    }

    private static byte[] Write(NodeSnapshot node, ApiVersion version, string baseUrl, IReadOnlyCollection<string>? fields)
    {
        var output = buffer ??= new ArrayBufferWriter<byte>(4096);
        output.ResetWrittenCount();
        var json = writer ??= new Utf8JsonWriter(output, IronicJson.WriterOptions);
        json.Reset(output);
        json.WriteStartObject();
        foreach (var field in Shown(version, fields))
        {
            json.WritePropertyName(field.EncodedName);
            if (ReferenceEquals(field, ProvisionStateField))
            {
                WriteString(json, OlderName(node.View.ProvisionState, version));
            }
            else
            {
                field.Write(json, node, baseUrl);
            }
        }

        json.WriteEndObject();
        json.Flush();
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The fields the version shows, of the selection (plus <c>links</c>), in Ironic's order.</summary>
    private static NodeField[] Shown(ApiVersion version, IReadOnlyCollection<string>? fields)
    {
        var kept = fields is null ? AllFields : ReferenceEquals(fields, NodeFields.ListDefault) ? ListFields : null;
        if (kept is not null && version.Minor < kept.Length)
        {
            return kept[version.Minor] ??= Select(version, fields);
        }

        return Select(version, fields);
    }

    private static NodeField[] Select(ApiVersion version, IReadOnlyCollection<string>? fields) =>
        [.. NodeFields.All.Where(f => version.Allows(f.Since) && (fields is null || fields.Contains(f.Name) || f.Name == "links"))];

    private static void WriteString(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    /// <summary>Before 1.2 <c>available</c> was shown as null; before 1.39 <c>inspect wait</c> as <c>inspecting</c>.</summary>
    private static string? OlderName(ProvisionState state, ApiVersion version) => state switch
    {
        ProvisionState.Available when !version.Allows(2) => null,
        ProvisionState.InspectWait when !version.Allows(39) => ProvisionState.Inspecting.ToIronicName(),
        _ => state.ToIronicName(),
    };
}
