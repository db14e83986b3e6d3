using System.Globalization;
using IronicCore.Api.Hosting;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore.Api.Ports;

/// <summary>Ironic's <c>Port.get</c> in the published view: a UUID or a name (a number, a database id, is never found here).</summary>
internal static class PortIdent
{
    /// <exception cref="PortNotFoundException">No port has it.</exception>
    public static PortView Find(PublishedTable<PortView> ports, string ident) =>
        (int.TryParse(ident, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? null
            : Guid.TryParse(ident, out _) ? ports.WithUuid(ident) : ports.WithName(ident))
        ?? throw new PortNotFoundException(ident);
}
