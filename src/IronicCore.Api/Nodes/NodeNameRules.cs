using IronicCore.Api.Errors;
using IronicCore.Api.Versioning;
using IronicCore.Nodes;

namespace IronicCore.Api.Nodes;

/// <summary>Ironic's <c>_check_names_acceptable</c>: names need 1.5, RFC 3986 characters, and no word the node routes use.</summary>
internal static class NodeNameRules
{
    private static readonly string[] Reserved = ["detail", "maintenance", "management", "states", "validate", "vendor_passthru"];

    public static void Check(string name, ApiVersion version, string invalidMessage)
    {
        if (!version.Allows(5))
        {
            throw ApiFault.NotAcceptable();
        }

        if (!NodeNames.IsValid(name))
        {
            throw ApiFault.BadRequest(invalidMessage);
        }

        if (Reserved.Contains(name))
        {
            throw ApiFault.BadRequest(
                $"The word \"{name}\" is reserved and can not be used as a node name. Reserved words are: {string.Join(", ", Reserved)}.");
        }
    }
}
