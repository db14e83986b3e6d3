using IronicCore.Cli.Commands.Bench;
using IronicCore.Cli.Commands.Fleet;
using IronicCore.Cli.Commands.Fsm;
using IronicCore.Cli.Commands.Journal;
using IronicCore.Cli.Commands.Scenario;
using IronicCore.Cli.Commands.Serve;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IronicCore.Cli;

/// <summary>The <c>ironic-sim</c> command line: its commands, and the exit codes they share.</summary>
internal static class IronicSim
{
    /// <summary>Exit code of a run whose input was refused before anything ran.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code of a run that stopped on an error after it started (one line on stderr says which).</summary>
    public const int Failed = 1;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // Live displays (the fleet's progress) only on a real terminal; captured output stays plain.
        var terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("ironic-sim");
            config.ConfigureConsole(console);
            config.Settings.Registrar.RegisterInstance(new CliOutput(stdout, stderr));
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
            config.AddCommand<ScenarioCommand>("scenario")
                .WithDescription("Run a scenario file against the simulated conductor; one JSON line per step, as the Ironic oracle prints.")
                .WithExample("scenario", "samples/scenarios/maintenance-clean-refused.json");
            config.AddCommand<BenchCommand>("bench")
                .WithDescription("Time N fake-hardware nodes through enroll, manage, provide, deploy and undeploy on virtual time.")
                .WithExample("bench", "--nodes", "1000000", "--threads", "2", "--json");
            config.AddCommand<JournalCommand>("journal")
                .WithDescription("Print a transition journal as JSON lines, or a summary; filter by node and virtual time.")
                .WithExample("journal", "run/journal.bin", "--summary")
                .WithExample("journal", "run/journal.bin", "--node", "6f1c0a52-0000-4000-8000-000000000001", "--since", "2026-01-02T00:00:00Z");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Serve Ironic's REST API v1 over a simulated conductor, for the baremetal CLI, openstacksdk and gophercloud.")
                .WithExample("serve")
                .WithExample("serve", "--port", "6385", "--clock", "virtual", "--release", "21.4");
        });

        try
        {
            return app.Run(args);
        }
        catch (CommandAppException error)
        {
            stderr.WriteLine($"ironic-sim: {error.Message}");
            return BadInput;
        }
    }
}
