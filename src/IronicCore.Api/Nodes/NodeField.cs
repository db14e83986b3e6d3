using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Http;

namespace IronicCore.Api.Nodes;

/// <summary>One field of Ironic's node object: the microversion it appeared in, how it is written, how it is shown.</summary>
/// <param name="Name">The wire name.</param>
/// <param name="Since">The minor version that added it (1.<c>Since</c>).</param>
/// <param name="Type">Its JSON type when written.</param>
/// <param name="OnCreate">Whether <c>POST /v1/nodes</c> accepts it.</param>
/// <param name="OnPatch">Whether <c>PATCH</c> may change it.</param>
/// <param name="Write">Writes its value in an answer (the node, the base URL for links).</param>
internal sealed record NodeField(string Name, int Since, FieldType Type, bool OnCreate, bool OnPatch, Action<Utf8JsonWriter, NodeSnapshot, string> Write)
{
    /// <summary>The name as the writer takes it, encoded once.</summary>
    public JsonEncodedText EncodedName { get; } = JsonEncodedText.Encode(Name, IronicJson.Options.Encoder);

    /// <summary>Its value as a node of the caller's own (patching and validation read it; answers are written, not built).</summary>
    public JsonNode? Render(NodeSnapshot node, string baseUrl)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, IronicJson.WriterOptions))
        {
            Write(writer, node, baseUrl);
        }

        return JsonNode.Parse(buffer.WrittenSpan);
    }
}
