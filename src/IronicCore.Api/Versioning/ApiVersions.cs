using IronicCore.States;

namespace IronicCore.Api.Versioning;

/// <summary>
/// The microversion range the server advertises, by release: 1.1 to 1.82 as Ironic 21.4, 1.1 to
/// 1.115 as Ironic master (openstack/ironic at 7bc6aba); clients use the highest advertised, so
/// every version up to it is honoured.
/// </summary>
internal sealed record ApiVersions(IronicRelease Release)
{
    public const string VersionHeader = "X-OpenStack-Ironic-API-Version";
    public const string MinimumHeader = "X-OpenStack-Ironic-API-Minimum-Version";
    public const string MaximumHeader = "X-OpenStack-Ironic-API-Maximum-Version";
    public const string StandardHeader = "OpenStack-API-Version";

    public ApiVersion Minimum { get; } = new(1, 1);

    public ApiVersion Maximum { get; } = Release == IronicRelease.Release21_4 ? new(1, 82) : new(1, 115);

    public string Range => $"[{Minimum}, {Maximum}]";
}
