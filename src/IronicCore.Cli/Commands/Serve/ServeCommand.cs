using System.ComponentModel;
using System.Globalization;
using System.Net;
using IronicCore.Api;
using IronicCore.Api.Durability;
using IronicCore.Cli.Commands.Fleet;
using IronicCore.Cli.Commands.Fsm;
using IronicCore.Scenarios;
using IronicCore.Configuration;
using IronicCore.Configuration.Files;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Fleet;
using IronicCore.Persistence;
using IronicCore.Simulation;
using IronicCore.States;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Serve;

/// <summary>
/// <c>ironic-sim serve</c>: Ironic's REST API v1 over a simulated conductor, for real clients
/// (the <c>baremetal</c> CLI, openstacksdk, gophercloud). The ramdisk agents are simulated:
/// they boot, look up and heartbeat on the clock as a fleet's do.
/// </summary>
internal sealed class ServeCommand(CliOutput output) : AsyncCommand<ServeCommand.Settings>
{
    /// <summary>Ironic's API port.</summary>
    public const int DefaultPort = 6385;

    /// <summary>The release option is fsm's; the rest is the server's.</summary>
    public sealed class Settings : FsmSettings
    {
        [CommandOption("--host <ADDRESS>")]
        [Description("The address to listen on (default: [[api]] host_ip of --config-file, else 127.0.0.1).")]
        public string? Host { get; init; }

        [CommandOption("--port <PORT>")]
        [Description("The port to listen on (default: [[api]] port of --config-file, else 6385, Ironic's).")]
        public int? Port { get; init; }

        [CommandOption(ConfigFileOption.Template)]
        [Description(ConfigFileOption.Description)]
        public string[] ConfigFiles { get; init; } = [];

        [CommandOption("--scenario <FILE>")]
        [Description("Run this scenario file first, then serve its nodes in the state it left them.")]
        public string? Scenario { get; init; }

        [CommandOption("--clock <CLOCK>")]
        [Description("real (default): time follows the wall clock; virtual: only POST /_sim/advance moves it.")]
        [DefaultValue("real")]
        public string Clock { get; init; } = "real";

        [CommandOption("--speed <N>")]
        [Description("With the real clock: virtual seconds per second (default 1).")]
        [DefaultValue(1.0)]
        public double Speed { get; init; } = 1;

        [CommandOption("--auth <STRATEGY>")]
        [Description("noauth or http_basic, as Ironic's [[DEFAULT]] auth_strategy (default: --config-file's, else noauth).")]
        public string? Auth { get; init; }

        [CommandOption("--htpasswd <FILE>")]
        [Description("With http_basic: the bcrypt htpasswd file (default: [[DEFAULT]] http_basic_auth_user_file of --config-file).")]
        public string? Htpasswd { get; init; }

        [CommandOption("--fleet <FILE>")]
        [Description("Start with a fleet scenario file's nodes and conductors as the fleet starts (available, or active by utilisation); clients play the tenants and the policy.")]
        public string? Fleet { get; init; }

        [CommandOption("--resume <SNAPSHOT>")]
        [Description("Serve a conductor saved with Conductor.Save (e.g. by a test harness), standing where it was saved: its nodes, options, clock and pending events.")]
        public string? Resume { get; init; }

        [CommandOption("--state-dir <DIR>")]
        [Description("Keep the state in DIR: every write is on the disk before it is answered, and a restart with the same DIR goes on where the last one left off. A new DIR is seeded by the other options; over an existing one, they must agree with it.")]
        public string? StateDir { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("Seeds node UUIDs and every random choice (default 0; with --fleet, the file's seed).")]
        public ulong? Seed { get; init; }

        public override ValidationResult Validate()
        {
            var errors = new List<string>();
            var release = base.Validate();
            if (!release.Successful)
            {
                errors.Add(release.Message!);
            }

            if (new[] { Scenario, Fleet, Resume }.Count(start => start is not null) > 1)
            {
                errors.Add("--scenario, --fleet and --resume cannot be used together: each says what to serve.");
            }

            if (Resume is not null && ConfigFiles.Length > 0)
            {
                errors.Add("--config-file cannot be used with --resume: the snapshot holds the options.");
            }

            if (Resume is not null && Seed is not null)
            {
                errors.Add("--seed cannot be used with --resume: the snapshot holds the random state.");
            }

            if (Host is not null && !IPAddress.TryParse(Host, out _))
            {
                errors.Add($"--host must be an IP address, not \"{Host}\".");
            }

            if (Port is < 0 or > 65535)
            {
                errors.Add($"--port must be 0 to 65535, not {Port}.");
            }

            if (Clock is not ("real" or "virtual"))
            {
                errors.Add($"--clock must be real or virtual, not \"{Clock}\".");
            }

            if (!(Speed > 0) || double.IsInfinity(Speed))
            {
                errors.Add($"--speed must be a positive number, not {Speed.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (Auth is not (null or "noauth" or "http_basic"))
            {
                errors.Add($"--auth must be noauth or http_basic, not \"{Auth}\".");
            }
            else if (Auth == "http_basic" && Htpasswd is null && ConfigFiles.Length == 0)
            {
                errors.Add("--auth http_basic needs --htpasswd FILE.");
            }

            return errors.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join(" ", errors));
        }

        public ClockMode ClockMode => Clock == "virtual" ? ClockMode.Virtual : ClockMode.Real;

    }

    /// <summary>A real clock starts at the wall clock's time, so timestamps read as a real Ironic's do.</summary>
    private static SimulationClock StartClock(Settings settings) =>
        settings.ClockMode == ClockMode.Real ? new SimulationClock(TimeProvider.System.GetUtcNow()) : new SimulationClock();

    /// <summary>
    /// The conductor to serve: a scenario file's at its end, a fleet file's at its start, a
    /// snapshot's where it was saved, or an empty one; with the conductor services to report
    /// when they are not the conductor's own.
    /// </summary>
    /// <exception cref="ScenarioException">The scenario file is not valid.</exception>
    /// <exception cref="FleetInputException">The fleet file is not valid.</exception>
    /// <exception cref="PersistenceFormatException">The snapshot is not a conductor's, or is damaged.</exception>
    /// <exception cref="ConfigFileException">A configuration file is not one Ironic (or serve) would start with.</exception>
    private async Task<(Conductor Conductor, IReadOnlyList<string> Hosts, ConfigFileValues? Files)> Start(Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Resume is { } snapshot)
        {
            var stream = File.OpenRead(snapshot);
            await using (stream.ConfigureAwait(false))
            {
                return (ServeConductor.Resume(stream), [], null);
            }
        }

        // The files' driver options apply before any node is created, as an Ironic started with them
        // would have created its nodes under them.
        var files = ConfigFileOption.Load(settings.ConfigFiles);
        if (settings.Scenario is { } scenario)
        {
            var (json, values) = ConfigFileOption.Beneath(
                await File.ReadAllTextAsync(scenario, cancellationToken).ConfigureAwait(false), files, IronicRelease.Master, ServeConductor.DriverSections, output.Error, ServeHost.Options);
            return (ServeConductor.Scenario(IronicCore.Scenarios.Scenario.Parse(json), values, output.Error), [], values);
        }

        if (settings.Fleet is { } file)
        {
            var (json, values) = ConfigFileOption.Beneath(
                await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), files, IronicRelease.Master, ServeConductor.DriverSections, output.Error, ServeHost.Options);
            var fleet = ReadFleet(file, json);
            fleet = FleetDriverOptions.Apply(
                fleet with { Seed = settings.Seed ?? fleet.Seed }, values, f => ServeConductor.Empty(f.Options, new SimulationClock(), f.Seed), output.Error);
            var (conductor, hosts) = ServeConductor.Fleet(fleet, StartClock(settings));
            return (conductor, hosts, values);
        }

        var options = ConfigFileOption.Resolve(files, settings.ParsedRelease, ServeConductor.DriverSections, output.Error, ServeHost.Options);
        var empty = ServeConductor.Empty(options.Conductor, StartClock(settings), settings.Seed ?? 0);
        EnabledDriverOptions.Apply(options, empty.EnableDrivers, output.Error);
        return (empty, [], options);
    }

    private static FleetScenario ReadFleet(string file, string text)
    {
        try
        {
            var scenario = FleetScenario.Parse(text, ServeConductor.DriverSections);
            return scenario.Problems() is { Length: > 0 } problems ? throw new FleetInputException(string.Join("; ", problems)) : scenario;
        }
        catch (Exception error) when (error is FleetInputException or FormatException)
        {
            throw new FleetInputException($"--fleet {file}: {error.Message}");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Conductor conductor;
        IReadOnlyList<string> hosts;
        var clock = settings.ClockMode;
        StateDirectory? state = null;
        ServeHost host;
        try
        {
            ConfigFileValues? files = null;
            if (settings.StateDir is { } directory)
            {
                state = StateDirectory.Open(directory);
                var started = false;
                (conductor, hosts, clock) = await ServeState.Start(state, settings, context.Arguments, async () =>
                {
                    var fresh = await Start(settings, cancellationToken).ConfigureAwait(false);
                    (files, started) = (fresh.Files, true);
                    return (fresh.Conductor, fresh.Hosts);
                }).ConfigureAwait(false);

                // A restart serves the state as it was left (its nodes keep their interfaces); the
                // files still say where and how to listen, and which drivers new nodes get.
                if (!started)
                {
                    files = ConfigFileOption.Resolve(
                        ConfigFileOption.Load(settings.ConfigFiles), conductor.Release, ServeConductor.DriverSections, output.Error, ServeHost.Options);
                    EnabledDriverOptions.Apply(files, conductor.EnableDrivers, output.Error);
                }
            }
            else
            {
                (conductor, hosts, files) = await Start(settings, cancellationToken).ConfigureAwait(false);
            }

            host = ServeHost.From(settings, files);
        }
        catch (StateDirectoryException error)
        {
            state?.Dispose();
            output.Error.WriteLine($"ironic-sim: --state-dir {settings.StateDir}: {error.Message}");
            return IronicSim.BadInput;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ScenarioException or FleetInputException or ConfigFileException)
        {
            output.Error.WriteLine($"ironic-sim: {error.Message}");
            return IronicSim.BadInput;
        }
        catch (PersistenceFormatException error)
        {
            state?.Dispose();
            output.Error.WriteLine($"ironic-sim: --resume {settings.Resume}: {error.Message}");
            return IronicSim.BadInput;
        }

        using var kept = state;
        WebApplication built;
        try
        {
            built = Build(settings, host, conductor, hosts, clock, state);
        }
        catch (InvalidDataException error)
        {
            // Ironic's http_basic start-up check of the htpasswd file.
            output.Error.WriteLine($"ironic-sim: {error.Message}");
            return IronicSim.BadInput;
        }

        await using var app = built;
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StateDirectoryException error)
        {
            output.Error.WriteLine($"ironic-sim: --state-dir {settings.StateDir}: {error.Message}");
            return IronicSim.BadInput;
        }
        catch (IOException error)
        {
            output.Error.WriteLine($"ironic-sim: cannot listen on {host.Address}:{host.Port}: {error.Message}");
            return IronicSim.BadInput;
        }

        var real = clock == ClockMode.Real;
        output.Out.WriteLine(
            $"ironic-sim: Ironic API {conductor.Release.ToIronicName()} (microversions {IronicApiMicroversions.Minimum} to {IronicApiMicroversions.Maximum(conductor.Release)}) on {string.Join(", ", app.Urls)}, " +
            $"{Plural.Of(conductor.Nodes.Length, "node")}{(hosts.Count == 0 ? string.Empty : $" on {Plural.Of(hosts.Count, "conductor")}")}, {(real ? "real" : "virtual")} clock{(real && settings.Speed != 1 ? $" x{settings.Speed.ToString(CultureInfo.InvariantCulture)}" : string.Empty)}, {host.Auth}, " +
            (state is null ? "state not kept (no --state-dir)" : $"state in {state.Path} ({Plural.Of(state.RecoveredWrites, "write")} recovered{(state.RecoveredWrites == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" in {state.RecoveryTime.TotalSeconds:F2} s"))})"));
        if (host.Strategy == AuthStrategy.NoAuth && !IPAddress.IsLoopback(IPAddress.Parse(host.Address)))
        {
            output.Error.WriteLine($"ironic-sim: warning: serving {host.Address} without authentication: anyone who reaches it controls the simulation.");
        }

        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);

        // The host stops when its conductor loop fails; the loop's error is the reason serve ended.
        if (app.Services.GetServices<IHostedService>().OfType<BackgroundService>().Select(s => s.ExecuteTask).FirstOrDefault(t => t is { IsFaulted: true }) is { Exception: { } failed })
        {
            output.Error.WriteLine($"ironic-sim: the conductor stopped: {failed.InnerException?.Message ?? failed.Message}");
            return IronicSim.Failed;
        }

        return 0;
    }

    /// <summary>A Kestrel server on the address asked for, serving Ironic's API through its public entry points.</summary>
    private static WebApplication Build(Settings settings, ServeHost host, Conductor conductor, IReadOnlyList<string> hosts, ClockMode clock, StateDirectory? state)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Parse(host.Address), host.Port, listen => listen.UseIronicApiPaths()));
        ServeTransport.Configure(builder.WebHost);

        // Ironic 21.4 and 2025.1 take a body of any size; master's limits are the API's own.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.Services.AddIronicApi(conductor, options =>
        {
            options.Clock = clock;
            options.StateDirectory = state;
            options.Speed = settings.Speed;
            options.Auth = host.Strategy;
            options.HtpasswdFile = host.Htpasswd;
            foreach (var host in hosts)
            {
                options.ConductorHosts.Add(host);
            }
        });
        var app = builder.Build();
        app.MapIronicApi();
        return app;
    }
}
