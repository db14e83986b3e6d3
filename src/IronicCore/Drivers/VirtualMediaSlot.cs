using System.Collections.Immutable;

namespace IronicCore.Drivers;

/// <summary>
/// One virtual media device of a node's BMC as <c>GET /v1/nodes/{node}/vmedia</c> lists it (Ironic's
/// <c>get_virtual_media</c>: <c>media_types</c>, <c>inserted</c>, <c>image</c>). Immutable.
/// </summary>
/// <param name="MediaTypes">The media types the device takes, as the BMC names them (e.g. <c>CD</c>, <c>DVD</c>).</param>
/// <param name="Inserted">Whether an image is inserted.</param>
/// <param name="Image">The URL of the inserted image, or null.</param>
public sealed record VirtualMediaSlot(ImmutableArray<string> MediaTypes, bool Inserted, string? Image);
