using IronicCore.Api.Conductors;

namespace IronicCore.Api.Hosting;

/// <summary>The options the API was added with, checked and frozen.</summary>
internal sealed record ApiSettings(
    ClockMode Clock, double Speed, AuthStrategy Auth, string? HtpasswdFile, ConductorHosts Hosts, Durability.StateDirectory? State = null, int CompactAfter = 0)
{
    /// <exception cref="ArgumentException">An option is out of its limits, or http_basic lacks its file.</exception>
    public static ApiSettings From(IronicApiOptions options, Conductor conductor)
    {
        if (!(options.Speed > 0) || double.IsInfinity(options.Speed))
        {
            throw new ArgumentException($"Speed must be a positive, finite number, not {options.Speed}.", nameof(options));
        }

        if (options.Auth == AuthStrategy.HttpBasic && options.HtpasswdFile is null)
        {
            throw new ArgumentException("http_basic needs an htpasswd file (HtpasswdFile).", nameof(options));
        }

        if (options.ConductorHosts.Any(string.IsNullOrWhiteSpace) || options.ConductorHosts.Distinct(StringComparer.Ordinal).Count() != options.ConductorHosts.Count)
        {
            throw new ArgumentException("ConductorHosts must be distinct, non-blank host names.", nameof(options));
        }

        var hosts = options.ConductorHosts.Count == 0
            ? ConductorHosts.Single(conductor.Host)
            : ConductorHosts.Ring([.. options.ConductorHosts], conductor.Options.DefaultSection.HashPartitionExponent);
        if (options.CompactAfter < 1)
        {
            throw new ArgumentException($"CompactAfter must be at least 1, not {options.CompactAfter}.", nameof(options));
        }

        return new ApiSettings(options.Clock, options.Speed, options.Auth, options.HtpasswdFile, hosts, options.StateDirectory, options.CompactAfter);
    }
}
