using IronicCore.Api.Versioning;
using IronicCore.States;

namespace IronicCore.Api;

/// <summary>
/// The microversions of Ironic's API that the server advertises and honours, by release: 1.1 to
/// 1.82 as Ironic 21.4, 1.1 to 1.96 as Ironic 2025.1 (29.0), 1.1 to 1.115 as Ironic master (openstack/ironic at 7bc6aba).
/// </summary>
public static class IronicApiMicroversions
{
    /// <summary>The oldest microversion served: 1.1.</summary>
    public static Version Minimum { get; } = ToVersion(new ApiVersions(IronicRelease.Master).Minimum);

    /// <summary>The newest microversion served for a conductor of <paramref name="release"/>.</summary>
    public static Version Maximum(IronicRelease release) => ToVersion(new ApiVersions(release).Maximum);

    private static Version ToVersion(ApiVersion version) => new(version.Major, version.Minor);
}
