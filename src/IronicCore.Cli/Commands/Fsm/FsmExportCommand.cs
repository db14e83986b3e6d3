using System.ComponentModel;
using IronicCore.States;
using IronicCore.States.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Fsm;

/// <summary><c>ironic-sim fsm --format json|mermaid|dot</c>: prints the machine.</summary>
internal sealed class FsmExportCommand(CliOutput output) : Command<FsmExportCommand.Settings>
{
    public sealed class Settings : FsmSettings
    {
        [CommandOption("-f|--format <FORMAT>")]
        [Description("json (the shape of Ironic's exported machine), mermaid or dot. Default: mermaid.")]
        [DefaultValue("mermaid")]
        public string Format { get; init; } = "mermaid";

        public override ValidationResult Validate() =>
            Format is "json" or "mermaid" or "dot"
                ? base.Validate()
                : ValidationResult.Error($"Unknown format \"{Format}\". Valid formats: json, mermaid, dot.");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        output.Out.Write(settings.Format switch
        {
            "json" => ProvisionStateMachineExport.ToJson(ProvisionStateMachine.For(settings.ParsedRelease)),
            "dot" => ProvisionStateMachineExport.ToDot(),
            _ => ProvisionStateMachineExport.ToMermaid(),
        });
        return 0;
    }
}
