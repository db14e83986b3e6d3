using IronicCore.States;

namespace IronicCore.Configuration;

/// <summary>
/// Ironic's <c>[agent]</c> options: how the conductor talks to the ramdisk agent.
/// Immutable once built; <see cref="ConductorOptions.Validate"/> checks them.
/// </summary>
[IronicSection("agent")]
public sealed class AgentOptions
{
    /// <summary>Creates master's defaults.</summary>
    public AgentOptions()
        : this(IronicRelease.Master)
    {
    }

    /// <summary>Creates the defaults of <paramref name="release"/>.</summary>
    /// <param name="release">The Ironic release whose defaults apply.</param>
    public AgentOptions(IronicRelease release)
    {
        RequireTls = OptionDefaults.For(release, OptionDefaults.RequireTls, OptionDefaults.RequireTls21_4);
    }

    /// <summary>
    /// <c>[agent] require_tls</c>: whether the conductor refuses heartbeats whose callback URL is not
    /// <c>https://</c> (<c>InvalidParameterValue</c>, 400).
    /// </summary>
    /// <value>Default: <c>true</c> (21.4: <c>false</c>). Limits: none.</value>
    [IronicOption("require_tls")]
    public bool RequireTls { get; init; }

    /// <summary>
    /// <c>[agent] image_download_source</c>: where the agent gets the instance image during a direct
    /// deploy.
    /// </summary>
    /// <value>Default: <c>"http"</c>. Limits: none.</value>
    [IronicOption("image_download_source")]
    public ImageDownloadSource ImageDownloadSource { get; init; } = OptionDefaults.AgentImageDownloadSource;

    /// <summary>
    /// <c>[agent] certificates_path</c>: the directory where the conductor stores the agents' TLS
    /// certificates (<c>agent_verify_ca</c>).
    /// </summary>
    /// <value>Default: <c>"/var/lib/ironic/certificates"</c>. Limits: none.</value>
    [IronicOption("certificates_path")]
    public string CertificatesPath { get; init; } = OptionDefaults.CertificatesPath;
}
