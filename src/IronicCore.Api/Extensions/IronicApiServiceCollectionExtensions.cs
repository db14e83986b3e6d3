using IronicCore;
using IronicCore.Api;
using IronicCore.Api.Auth;
using IronicCore.Api.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Ironic's REST API v1 over a conductor the caller built.</summary>
public static class IronicApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds Ironic's REST API v1 (the microversions <see cref="IronicApiMicroversions"/> lists for the
    /// conductor's release) over <paramref name="conductor"/>: the services and the hosted service
    /// that gives the conductor its only thread of control, running each request's work in turn and,
    /// with <see cref="ClockMode.Real"/>, moving its clock. Map the routes with <c>MapIronicApi()</c>.
    /// </summary>
    /// <remarks>
    /// One API per service collection. The conductor is not thread-safe: once the host has started,
    /// touch it only through the API. The wall clock is the collection's <see cref="TimeProvider"/>,
    /// <see cref="TimeProvider.System"/> unless one is registered.
    /// </remarks>
    /// <param name="services">The host's services.</param>
    /// <param name="conductor">The conductor to serve: its nodes, options, release and clock.</param>
    /// <param name="configure">Sets the options; null keeps their defaults (real clock, noauth, one conductor service).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentException">An option is out of its limits, or <see cref="AuthStrategy.HttpBasic"/> has no htpasswd file.</exception>
    /// <exception cref="InvalidDataException">
    /// The htpasswd file cannot be read, or holds an entry that is not bcrypt (Ironic's <c>ConfigInvalid</c>
    /// message, one line).
    /// </exception>
    public static IServiceCollection AddIronicApi(this IServiceCollection services, Conductor conductor, Action<IronicApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(conductor);
        var options = new IronicApiOptions();
        configure?.Invoke(options);
        var settings = ApiSettings.From(options, conductor);
        services.AddApiCore(settings, conductor);
        services.AddHostedService(provider => provider.GetRequiredService<ConductorLoop>());
        if (settings.HtpasswdFile is { } file && settings.Auth == AuthStrategy.HttpBasic)
        {
            services.AddSingleton(Htpasswd.Read(file));
        }

        return services;
    }
}
