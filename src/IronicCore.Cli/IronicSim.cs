using IronicCore.Cli.Commands.Fsm;
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

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
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
            config.AddCommand<ScenarioCommand>("scenario")
                .WithDescription("Run a scenario file against the simulated conductor; one JSON line per step, as the Ironic oracle prints.")
                .WithExample("scenario", "samples/scenarios/maintenance-clean-refused.json");
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
