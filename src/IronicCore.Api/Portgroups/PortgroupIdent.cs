using IronicCore.Api.Errors;
using IronicCore.Api.Ports;
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
}
