using IronicCore.Configuration;
using IronicCore.States;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IronicCore.Api.Tests;

/// <summary>
/// The API in memory (WebApplicationFactory) over a fresh conductor, with the virtual clock by
/// default so that tests decide when time passes, hosted through the package's public entry
/// points (<c>AddIronicApi</c>, <c>MapIronicApi</c>) as <c>ironic-sim serve</c> hosts it.
/// </summary>
internal sealed class SimulatorFactory(
    IronicRelease release = IronicRelease.Master, IronicApiOptions? options = null, Conductor? conductor = null, IReadOnlyList<string>? hosts = null)
    : WebApplicationFactory<Program>
{
    public IronicApiOptions Options { get; } = options ?? new IronicApiOptions { Clock = ClockMode.Virtual };

    public Conductor Conductor { get; } = conductor ?? new(ConductorOptions.ForRelease(release), seed: 42);

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureWebHost(web => web
                .UseContentRoot(AppContext.BaseDirectory)
                .ConfigureServices(services => services.AddIronicApi(Conductor, Configure))
                .Configure(app => app.UseRouting().UseEndpoints(routes => routes.MapIronicApi())));

    /// <summary>Over <c>serve</c>'s own empty conductor: fake-hardware and ipmi (simulated BMCs behind a PXE network).</summary>
    public static SimulatorFactory WithIpmi(IronicRelease release = IronicRelease.Master) =>
        new(release, conductor: IronicCore.Cli.Commands.Serve.ServeConductor.Empty(ConductorOptions.ForRelease(release), new Simulation.SimulationClock(), seed: 42));

    /// <summary>A client that speaks as the <c>baremetal</c> CLI does (microversion 1.78 unless told).</summary>
    public IronicClient Client(string? version = "1.78") => new(CreateClient(), version);

    private void Configure(IronicApiOptions api)
    {
        api.Clock = Options.Clock;
        api.Speed = Options.Speed;
        api.Auth = Options.Auth;
        api.HtpasswdFile = Options.HtpasswdFile;
        api.StateDirectory = Options.StateDirectory;
        api.CompactAfter = Options.CompactAfter;
        foreach (var host in hosts ?? [])
        {
            api.ConductorHosts.Add(host);
        }
    }
}
