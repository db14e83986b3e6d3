using IronicCore.Api.Errors;
using IronicCore.Api.Versioning;

namespace IronicCore.Api.States;

/// <summary>The microversion each provision verb needs (Ironic's <c>MIN_VERB_VERSIONS</c>); older requests get 406.</summary>
internal static class ProvisionVerbs
{
    private static readonly Dictionary<string, int> MinimumMinor = new(StringComparer.Ordinal)
    {
        ["manage"] = 4,
        ["provide"] = 4,
        ["inspect"] = 6,
        ["abort"] = 13,
        ["clean"] = 15,
        ["adopt"] = 17,
        ["rescue"] = 38,
        ["unrescue"] = 38,
        ["deploy"] = 73,
        ["undeploy"] = 73,
        ["unhold"] = 85,
        ["service"] = 87,
    };

    public static void EnsureAllowed(string target, ApiVersion version)
    {
        if (MinimumMinor.TryGetValue(target, out var minor) && !version.Allows(minor))
        {
            throw ApiFault.NotAcceptable();
        }
    }
}
