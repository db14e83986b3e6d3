namespace IronicCore.Api;

/// <summary>How <c>ironic-sim serve</c> runs: where it listens, how time moves, who may call.</summary>
internal sealed record ServeOptions
{
    /// <summary>Ironic's API port.</summary>
    public const int DefaultPort = 6385;

    /// <summary>The address to bind; loopback unless asked otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port to bind.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Whether the wall clock drives the simulation or only <c>POST /_sim/advance</c> does.</summary>
    public ClockMode Clock { get; init; } = ClockMode.Real;

    /// <summary>With the real clock: virtual seconds per wall-clock second.</summary>
    public double Speed { get; init; } = 1;

    /// <summary>Ironic's <c>[DEFAULT] auth_strategy</c>.</summary>
    public AuthStrategy Auth { get; init; } = AuthStrategy.NoAuth;

    /// <summary>Ironic's <c>[DEFAULT] http_basic_auth_user_file</c>: a bcrypt htpasswd file.</summary>
    public string? HtpasswdFile { get; init; }
}
