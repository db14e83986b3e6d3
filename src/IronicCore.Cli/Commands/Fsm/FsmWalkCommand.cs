using System.ComponentModel;
using System.Text.Json.Nodes;
using IronicCore.Scenarios;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Fsm;

/// <summary>
/// <c>ironic-sim fsm walk --from STATE EVENT...</c>: fires each event in turn and prints
/// what the machine answered. A refused event leaves the state as it was and the walk goes on.
/// </summary>
internal sealed class FsmWalkCommand(CliOutput output) : Command<FsmWalkCommand.Settings>
{
    public sealed class Settings : FsmSettings
    {
        [CommandOption("--from <STATE>")]
        [Description("The provision state to start from, by Ironic's name, e.g. \"clean wait\". Default: enroll.")]
        [DefaultValue("enroll")]
        public string From { get; init; } = "enroll";

        [CommandArgument(0, "<EVENTS>")]
        [Description("Events to fire, by Ironic's name, e.g. manage, provide, wait, resume, done, fail or abort.")]
        public string[] Events { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ProvisionState state;
        ProvisionEvent[] events;
        var machine = ProvisionStateMachine.For(settings.ParsedRelease);
        try
        {
            state = IronicNameParser.Parse<ProvisionState>(settings.From);
            if (!machine.Exists(state))
            {
                output.Error.WriteLine(
                    $"ironic-sim: Ironic {machine.Release.ToIronicName()} has no state \"{settings.From}\".");
                return IronicSim.BadInput;
            }

            events = [.. settings.Events.Select(IronicNameParser.Parse<ProvisionEvent>)];
        }
        catch (InvalidParameterValueException error)
        {
            output.Error.WriteLine($"ironic-sim: {error.Message}");
            return IronicSim.BadInput;
        }

        foreach (var @event in events)
        {
            var ok = machine.TryFire(state, @event, out state);
            output.Out.WriteLine(JsonLine.Format(new JsonObject
            {
                ["event"] = @event.ToIronicName(),
                ["ok"] = ok,
                ["state"] = state.ToIronicName(),
                ["error"] = ok ? null : "InvalidStateRequested",
            }));
        }

        return 0;
    }
}
