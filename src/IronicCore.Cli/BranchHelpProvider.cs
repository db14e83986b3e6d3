using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace IronicCore.Cli;

/// <summary>
/// Spectre's help, except that a branch with a default command (<c>fsm</c>) lists that command's
/// options and arguments too: <c>ironic-sim fsm --format json</c> runs it, and so does
/// <c>ironic-sim sweep PLAN --out DIR</c>, so <c>fsm --help</c> and <c>sweep --help</c> must say so.
/// </summary>
internal sealed class BranchHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    public override IEnumerable<IRenderable> GetOptions(ICommandModel model, ICommandInfo? command) =>
        base.GetOptions(model, Runs(command));

    public override IEnumerable<IRenderable> GetArguments(ICommandModel model, ICommandInfo? command) =>
        base.GetArguments(model, Runs(command));

    private static ICommandInfo? Runs(ICommandInfo? command) =>
        command is { IsBranch: true, DefaultCommand: { } runs } ? runs : command;
}
