using IronicCore.Api.Conductors;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace IronicCore.Api.Tests;

/// <summary>
/// The API in memory (WebApplicationFactory) over a fresh conductor, with the virtual clock by
/// default so that tests decide when time passes. The entry point is ironic-sim's, which hosts the same server.
/// </summary>
internal sealed class SimulatorFactory(
    IronicRelease release = IronicRelease.Master, ServeOptions? options = null, Conductor? conductor = null, ConductorHosts? hosts = null)
    : WebApplicationFactory<Program>
{
    public ServeOptions Options { get; } = options ?? new ServeOptions { Clock = ClockMode.Virtual };

    public Conductor Conductor { get; } = conductor ?? new(ConductorOptions.ForRelease(release), seed: 42);

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureWebHost(web => web
                .UseContentRoot(AppContext.BaseDirectory)
                .ConfigureServices(services => ApiServer.AddServices(services, Options, Conductor, hosts))
                .Configure(app => ApiServer.UsePipeline(app, Options)));

    /// <summary>Over <c>serve</c>'s own empty conductor: fake-hardware and ipmi (simulated BMCs behind a PXE network).</summary>
    public static SimulatorFactory WithIpmi(IronicRelease release = IronicRelease.Master) =>
        new(release, conductor: IronicCore.Cli.Commands.Serve.ServeConductor.Empty(ConductorOptions.ForRelease(release), new Simulation.SimulationClock(), seed: 42));

    /// <summary>A client that speaks as the <c>baremetal</c> CLI does (microversion 1.78 unless told).</summary>
    public IronicClient Client(string? version = "1.78") => new(CreateClient(), version);
}
