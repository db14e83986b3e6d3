using System.Globalization;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Ports;
using IronicCore.Errors;
using IronicCore.Nodes;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Portgroups;

/// <summary>How a portgroup is named in a path: a UUID or a logical name (master also reads a database id).</summary>
internal static class PortgroupIdent
{
    /// <summary>Master's parameter schema (or 21.4's <c>uuid_or_name</c>) on the ident of show, update and delete.</summary>
    public static void Check(HttpContext context, string ident)
    {
        if (Guid.TryParse(ident, out _) || NodeNames.IsValid(ident))
        {
            return;
        }

        throw ApiFault.BadRequest(context.Maximum().Allows(99)
            ? $"Schema error: '{ident}' is not valid under any of the given schemas. Possible root cause: '{ident}' is not a 'uuid'"
            : $"Expected UUID or name for portgroup_ident: {ident}");
    }

    /// <summary>The controller's lookup of a sub-path (<c>/v1/portgroups/{ident}/ports</c>).</summary>
    public static void CheckPath(string ident)
    {
        if (!Guid.TryParse(ident, out _) && !NodeNames.IsValid(ident))
        {
            throw ApiFault.BadRequest($"Expected UUID or name for portgroup: {ident}");
        }
    }

    /// <summary>Ironic's <c>Portgroup.get</c> in the published view: a database id, a UUID or a name.</summary>
    /// <exception cref="PortgroupNotFoundException">No portgroup has it.</exception>
    public static PortgroupView Find(PublishedTable<PortgroupView> portgroups, string ident)
    {
        PortgroupView? found;
        if (int.TryParse(ident, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var slot = portgroups.Indexes.Of("id", id.ToString(CultureInfo.InvariantCulture)).Next(0, 1);
            found = slot < 0 ? null : portgroups[slot];
        }
        else
        {
            found = Guid.TryParse(ident, out _) ? portgroups.WithUuid(ident) : portgroups.WithName(ident);
        }

        return found ?? throw new PortgroupNotFoundException(ident);
    }
}
