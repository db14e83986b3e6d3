using IronicCore.States;

namespace IronicCore.Configuration;

/// <summary>
/// Ironic's <c>[agent]</c> options: how the conductor talks to the ramdisk agent.
/// Immutable once built; <see cref="ConductorOptions.Validate"/> checks them.
/// </summary>
[NotSimulatedOption("manage_agent_boot", "when false, Ironic leaves booting the agent's ramdisk to someone else; IronicCore's conductor always boots it.")]
[NotSimulatedOption("image_download_source", "it says whence the agent downloads the instance image (swift, http, local); IronicCore's agent downloads nothing by source.")]
[NotSimulatedOption("certificates_path", "it is the directory where Ironic stores the agents' TLS certificates, and IronicCore writes no certificate.")]
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
}
