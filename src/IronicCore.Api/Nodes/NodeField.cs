using System.Text.Json.Nodes;

namespace IronicCore.Api.Nodes;

/// <summary>One field of Ironic's node object: the microversion it appeared in, how it is written, how it is shown.</summary>
/// <param name="Name">The wire name.</param>
/// <param name="Since">The minor version that added it (1.<c>Since</c>).</param>
/// <param name="Type">Its JSON type when written.</param>
/// <param name="OnCreate">Whether <c>POST /v1/nodes</c> accepts it.</param>
/// <param name="OnPatch">Whether <c>PATCH</c> may change it.</param>
/// <param name="Render">Its value in an answer.</param>
internal sealed record NodeField(string Name, int Since, FieldType Type, bool OnCreate, bool OnPatch, Func<NodeSnapshot, string, JsonNode?> Render);
