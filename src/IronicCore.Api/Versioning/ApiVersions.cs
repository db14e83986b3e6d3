using IronicCore.States;

namespace IronicCore.Api.Versioning;

/// <summary>
/// The API's release profile: the microversion range the server advertises (clients use the
/// highest advertised, so every version up to it is honoured) and every rule of the API that
/// differs between releases, one member per rule, its variants side by side (oldest release
/// first). The conductor's own release rules are the core's release profile.
/// </summary>
internal sealed record ApiVersions
{
    public const string VersionHeader = "X-OpenStack-Ironic-API-Version";
    public const string MinimumHeader = "X-OpenStack-Ironic-API-Minimum-Version";
    public const string MaximumHeader = "X-OpenStack-Ironic-API-Maximum-Version";
    public const string StandardHeader = "OpenStack-API-Version";

    public ApiVersions(IronicRelease release)
    {
        Release = release;

        // api/controllers/v1/versions.py MAX_VERSION_STRING (2025.1: Ironic 29.0.5; master: openstack/ironic at 7bc6aba).
        Maximum = Of(release, release21_4: new ApiVersion(1, 82), release2025_1: new ApiVersion(1, 96), master: new ApiVersion(1, 115));

        // api/app.py: master's version negotiation covers the root document too.
        NegotiatesOnRoot = Of(release, release21_4: false, release2025_1: true, master: true);

        // api/controllers/base.py: master reads OpenStack-API-Version: baremetal 1.N (which wins
        // over the legacy header).
        ReadsStandardHeader = Of(release, release21_4: false, release2025_1: true, master: true);

        // api/controllers/base.py: master names the range in the answer to an unparsable version.
        RangeOnInvalidVersion = Of(release, release21_4: false, release2025_1: true, master: true);

        // api/app.py: 21.4 strips a trailing .json from every path; later releases only below 1.91.
        AlwaysStripsJsonSuffix = Of(release, release21_4: true, release2025_1: false, master: false);

        // api/hooks.py: master answers with X-OpenStack-Request-Id beside Openstack-Request-Id.
        SendsXOpenStackRequestId = Of(release, release21_4: false, release2025_1: false, master: true);

        // api/controllers/v1/node.py provision: the runbook argument (1.92).
        ProvisionTakesRunbook = Of(release, release21_4: false, release2025_1: true, master: true);

        // api/controllers/v1/node.py NodeHistoryController: sort_key and sort_dir, named in the next link.
        SortsHistory = Of(release, release21_4: false, release2025_1: true, master: true);

        // objects/node_history.py: the history record's project, state, target_provision_state
        // and duration_seconds (shown from 1.113 and 1.115), which also name sort keys.
        HistoryHasStateFields = Of(release, release21_4: false, release2025_1: false, master: true);

        // api/middleware/json_depth.py (master only; 29.0.5 registers the [api] max_json_body_*
        // options but mounts no middleware, and 21.4 has neither): JSON bodies over 1 MiB (64 MiB
        // on states/provision, 16 MiB on continue_inspection) get 413, nesting over 25 gets 400.
        LimitsJsonBodies = Of(release, release21_4: false, release2025_1: false, master: true);

        // api/controllers/v1/allocation.py post: master checks the body with validation.request_body_schema
        // (schemas/v1/allocation.py), 21.4 and 29.0 with args.validate(ALLOCATION_VALIDATOR).
        ChecksAllocationBodyBySchema = Of(release, release21_4: false, release2025_1: false, master: true);
    }

    public IronicRelease Release { get; }

    public ApiVersion Minimum { get; } = new(1, 1);

    /// <summary>The release's highest microversion.</summary>
    public ApiVersion Maximum { get; }

    public string Range => $"[{Minimum}, {Maximum}]";

    /// <summary>Whether the root document negotiates the microversion (and answers with the range).</summary>
    public bool NegotiatesOnRoot { get; }

    /// <summary>Whether <c>OpenStack-API-Version: baremetal 1.N</c> is read.</summary>
    public bool ReadsStandardHeader { get; }

    /// <summary>Whether a refused, unparsable version header is answered with the range.</summary>
    public bool RangeOnInvalidVersion { get; }

    /// <summary>Whether a trailing <c>.json</c> is stripped whatever the version.</summary>
    public bool AlwaysStripsJsonSuffix { get; }

    /// <summary>Whether answers carry <c>X-OpenStack-Request-Id</c>.</summary>
    public bool SendsXOpenStackRequestId { get; }

    /// <summary>Whether the provision body takes <c>runbook</c>.</summary>
    public bool ProvisionTakesRunbook { get; }

    /// <summary>Whether node history is sorted on request (<c>sort_key</c>, <c>sort_dir</c>).</summary>
    public bool SortsHistory { get; }

    /// <summary>Whether JSON bodies are limited in size and depth before any controller runs (<see cref="Http.JsonBodyLimits"/>).</summary>
    public bool LimitsJsonBodies { get; }

    /// <summary>Whether an allocation's create body is checked by master's request schema (<see cref="Allocations.AllocationBodySchema"/>).</summary>
    public bool ChecksAllocationBodyBySchema { get; }

    /// <summary>Whether a history record has <c>project</c>, <c>state</c>, <c>target_provision_state</c> and <c>duration_seconds</c>.</summary>
    public bool HistoryHasStateFields { get; }

    private static T Of<T>(IronicRelease release, T release21_4, T release2025_1, T master) => release switch
    {
        IronicRelease.Release21_4 => release21_4,
        IronicRelease.Release2025_1 => release2025_1,
        IronicRelease.Master => master,
        _ => throw new ArgumentOutOfRangeException(nameof(release), release, null),
    };
}
