using IronicCore.Api.Versioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IronicCore.Api.Hosting;

/// <summary>The services one API over one conductor needs: the served API's, and a compaction's replay's.</summary>
internal static class ApiServices
{
    /// <summary>Registers the API's own services over <paramref name="conductor"/>; the conductor loop is not started.</summary>
    public static IServiceCollection AddApiCore(this IServiceCollection services, ApiSettings settings, Conductor conductor)
    {
        services.AddSingleton(settings);
        services.AddSingleton(new SimulationState(conductor, settings.Hosts));
        services.AddSingleton(new ApiVersions(conductor.Release));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ConductorLoop>();
        services.AddRouting();
        return services;
    }
}
