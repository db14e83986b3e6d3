using System.ComponentModel;
using System.Text.Json.Nodes;
using IronicCore.Scenarios;
using Spectre.Console.Cli;
using ScenarioFile = IronicCore.Scenarios.Scenario;

namespace IronicCore.Cli.Commands.Scenario;

/// <summary>
/// <c>ironic-sim scenario FILE</c>: runs a scenario file and prints one JSON line per step,
/// in the format the Ironic oracle prints for the same file.
/// </summary>
internal sealed class ScenarioCommand(CliOutput output) : Command<ScenarioCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The scenario file (JSON, format ironic-sim/scenario@1).")]
        public string File { get; init; } = string.Empty;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ScenarioFile scenario;
        try
        {
            scenario = ScenarioFile.Load(settings.File);
        }
        catch (ScenarioException error)
        {
            output.Error.WriteLine(JsonLine.Format(new JsonObject { ["error"] = error.Error, ["message"] = error.Message }));
            return IronicSim.BadInput;
        }

        foreach (var line in new ScenarioRunner(scenario).Run())
        {
            output.Out.WriteLine(JsonLine.Format(line));
        }

        return 0;
    }
}
