using IronicCore.States;

namespace IronicCore.Api.Versioning;

/// <summary>
/// The microversion range the server advertises, by release: 1.1 to 1.82 as Ironic 21.4; for
/// master 1.89, the floor metal3's baremetal-operator demands and the highest whose fields and
/// endpoints the simulator honours (master itself goes further).
/// </summary>
internal sealed record ApiVersions(IronicRelease Release)
{
    public const string VersionHeader = "X-OpenStack-Ironic-API-Version";
    public const string MinimumHeader = "X-OpenStack-Ironic-API-Minimum-Version";
    public const string MaximumHeader = "X-OpenStack-Ironic-API-Maximum-Version";
    public const string StandardHeader = "OpenStack-API-Version";

    public ApiVersion Minimum { get; } = new(1, 1);

    public ApiVersion Maximum { get; } = Release == IronicRelease.Release21_4 ? new(1, 82) : new(1, 89);

    public string Range => $"[{Minimum}, {Maximum}]";
}
