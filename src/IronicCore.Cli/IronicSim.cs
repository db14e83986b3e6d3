using IronicCore.Cli.Commands.Bench;
using IronicCore.Cli.Commands.Fleet;
using IronicCore.Cli.Commands.Fsm;
using IronicCore.Cli.Commands.Journal;
using IronicCore.Cli.Commands.Scenario;
using IronicCore.Cli.Commands.Serve;
using IronicCore.Cli.Commands.Sweep;
using System.Reflection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IronicCore.Cli;

/// <summary>The <c>ironic-sim</c> command line: its commands, and the exit codes they share.</summary>
internal static class IronicSim
{
    /// <summary>Exit code of a run whose input was refused before anything ran (one line on stderr says why).</summary>
    public const int BadInput = 2;

    /// <summary>Exit code of a run that stopped on an error after it started: an I/O error, or a bug (one line on stderr says which).</summary>
    public const int Failed = 1;

    /// <summary>Exit code of a run stopped by Ctrl-C (SIGINT), as a shell reports a process it interrupted.</summary>
    public const int Interrupted = 130;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new CliOutput(stdout, stderr), CancellationToken.None);

    /// <summary>
    /// Runs the command <paramref name="args"/> name, writing to <paramref name="output"/>; every error is
    /// one line on stderr and an exit code, never a stack trace. <paramref name="cancellationToken"/> is
    /// Ctrl-C: a long command stops at its next step, restoring the terminal.
    /// </summary>
    public static int Run(string[] args, CliOutput output, CancellationToken cancellationToken)
    {
        // Live displays (the fleet's progress) only on a real terminal; captured output stays plain.
        var terminal = ReferenceEquals(output.Out, Console.Out) && !Console.IsOutputRedirected;
        var console = CreateConsole(output.Out, terminal);
        var app = new CommandApp();
        app.Configure(config => Configure(config, console, output));
        try
        {
            return app.Run(SweepBranch.WithDefaultCommand(args), cancellationToken);
        }
        catch (Exception error)
        {
            return CliErrors.Report(error, args, output.Error, Commands);
        }
    }

    /// <summary>
    /// The commands and their options as Spectre registered them (its OpenCLI description,
    /// <c>ironic-sim --help-dump-opencli</c>): what an unknown or bad option is checked against.
    /// </summary>
    public static RegisteredCommand Commands()
    {
        using var dump = new StringWriter();
        var app = new CommandApp();
        app.Configure(config => Configure(config, CreateConsole(dump, terminal: false), new CliOutput(TextWriter.Null, TextWriter.Null)));
        app.Run(["--help-dump-opencli"]);
        return RegisteredCommand.Parse(dump.ToString());
    }

    /// <summary>
    /// The console Spectre writes to: on a terminal, its width; elsewhere (a pipe, a file, a test) no
    /// width at all, so help and tables never wrap a line, and no trailing spaces.
    /// </summary>
    private static IAnsiConsole CreateConsole(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(terminal ? writer : new TrailingSpaceTrimmer(writer)),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }

    /// <summary>Wider than any line the commands print.</summary>
    private const int UnwrappedWidth = 100_000;

    private static void Configure(IConfigurator config, IAnsiConsole console, CliOutput output)
    {
        config.SetApplicationName("ironic-sim");
        config.SetApplicationVersion(Version);
        config.ConfigureConsole(console);
        config.SetHelpProvider(new BranchHelpProvider(config.Settings));
        config.Settings.Registrar.RegisterInstance(output);
        config.Settings.Registrar.RegisterInstance<ICommandInterceptor>(new StrictOptions());
        config.PropagateExceptions();
        config.AddBranch("fsm", fsm =>
        {
            fsm.SetDescription("Print Ironic's provision state machine, or walk events through it.");
            fsm.SetDefaultCommand<FsmExportCommand>();
            fsm.AddExample("fsm", "--format", "mermaid");
            fsm.AddExample("fsm", "--format", "json", "--release", "21.4");
            fsm.AddCommand<FsmWalkCommand>("walk")
                .WithDescription("Fire events in order from a state and print one JSON line per event.")
                .WithExample("fsm", "walk", "--from", "manageable", "provide", "wait", "resume", "done");
        });
        config.AddCommand<FleetCommand>("fleet")
            .WithDescription("Compare remediation policies on a simulated data centre (default: 10,000 nodes, 30 days, hold, reparo and fail-fast).")
            .WithExample("fleet")
            .WithExample("fleet", "--nodes", "1000", "--days", "7", "--policies", "hold,reparo", "--out", "fleet-out");
        config.Settings.Registrar.RegisterInstance<IAnsiConsole>(console);
        config.AddBranch(SweepBranch.Name, SweepBranch.Configure);
        config.AddCommand<ScenarioCommand>("scenario")
            .WithDescription("Run a scenario file against the simulated conductor; one JSON line per step, as the Ironic oracle prints.")
            .WithExample("scenario", "samples/scenarios/maintenance-clean-refused.json");
        config.AddCommand<BenchCommand>("bench")
            .WithDescription("Time N nodes (fake hardware, or ipmi with PXE and agents) through enroll, manage, provide, deploy and undeploy on virtual time.")
            .WithExample("bench", "--nodes", "1000000", "--threads", "2", "--json")
            .WithExample("bench", "--hardware", "ipmi", "--nodes", "1000000", "--shards", "1", "--threads", "1", "--json");
        config.AddCommand<JournalCommand>("journal")
            .WithDescription("Print a transition journal as JSON lines, or a summary; filter by node and virtual time.")
            .WithExample("journal", "run/journal.bin", "--summary")
            .WithExample("journal", "run/journal.bin", "--node", "6f1c0a52-0000-4000-8000-000000000001", "--since", "2026-01-02T00:00:00Z");
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("Serve Ironic's REST API v1 over a simulated conductor, for the baremetal CLI, openstacksdk and gophercloud.")
            .WithExample("serve")
            .WithExample("serve", "--port", "6385", "--clock", "virtual", "--release", "21.4");
    }

    /// <summary>The tool's version, as <c>ironic-sim --version</c> prints it.</summary>
    public static string Version { get; } =
        typeof(IronicSim).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
