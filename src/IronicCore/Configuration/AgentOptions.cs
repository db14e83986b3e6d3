using IronicCore.States;

namespace IronicCore.Configuration;

/// <summary>
/// Ironic's <c>[agent]</c> options: how the conductor talks to the ramdisk agent.
/// Immutable once built; <see cref="ConductorOptions.Validate"/> checks them.
/// </summary>
[NotSimulatedOption("manage_agent_boot", "when false, Ironic leaves booting the agent's ramdisk to someone else; IronicCore's conductor always boots it.")]
[NotSimulatedOption("image_download_source", "it says whence the agent downloads the instance image (swift, http, local); IronicCore's agent downloads nothing by source.")]
[NotSimulatedOption("certificates_path", "it is the directory where Ironic stores the agents' TLS certificates, and IronicCore writes no certificate.", AnswersAsSet = true)]
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
        RequireTls = OptionDefaults.For(release, OptionDefaults.RequireTls21_4, OptionDefaults.RequireTls, OptionDefaults.RequireTls);
    }

    /// <summary>
    /// <c>[agent] require_tls</c>: whether the conductor refuses heartbeats whose callback URL is not
    /// <c>https://</c> (<c>InvalidParameterValue</c>, 400).
    /// </summary>
    /// <value>Default: <c>true</c> (21.4: <c>false</c>). Limits: none.</value>
    [IronicOption("require_tls")]
    public bool RequireTls { get; init; }

    /// <summary>
    /// <c>[agent] command_timeout</c>: how long the conductor waits for the agent to answer one
    /// command or status request. An agent that cannot be reached (its machine off) holds the
    /// node's lock this long for each attempt, where agents take time (a fleet).
    /// </summary>
    /// <value>Default: 60 s. Limits: none.</value>
    [IronicOption("command_timeout")]
    public TimeSpan CommandTimeout { get; init; } = OptionDefaults.AgentCommandTimeout;

    /// <summary>
    /// <c>[agent] max_command_attempts</c>: how many times the conductor tries a command or status
    /// request when it cannot connect to the agent, before <c>AgentConnectionFailed</c>.
    /// </summary>
    /// <value>Default: 3. Limits: none.</value>
    [IronicOption("max_command_attempts")]
    public int MaxCommandAttempts { get; init; } = OptionDefaults.AgentMaxCommandAttempts;

    /// <summary>
    /// <c>[agent] post_deploy_get_power_state_retries</c>: how many more times the direct deploy's
    /// <c>tear_down_agent</c> reads the power state, after asking the agent to power the machine
    /// off, before it forces the power off through the BMC.
    /// </summary>
    /// <value>Default: 6. Limits: none.</value>
    [IronicOption("post_deploy_get_power_state_retries")]
    public int PostDeployGetPowerStateRetries { get; init; } = OptionDefaults.PostDeployGetPowerStateRetries;

    /// <summary>
    /// <c>[agent] post_deploy_get_power_state_retry_interval</c>: the wait between those power state reads.
    /// </summary>
    /// <value>Default: 5 s. Limits: none.</value>
    [IronicOption("post_deploy_get_power_state_retry_interval")]
    public TimeSpan PostDeployGetPowerStateRetryInterval { get; init; } = OptionDefaults.PostDeployGetPowerStateRetryInterval;
}
