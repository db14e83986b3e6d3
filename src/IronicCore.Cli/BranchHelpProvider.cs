using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace IronicCore.Cli;

/// <summary>
/// Spectre's help, except that a branch with a default command (<c>fsm</c>) lists that command's
/// options too: <c>ironic-sim fsm --format json</c> runs it, so <c>fsm --help</c> must say so.
/// </summary>
internal sealed class BranchHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    public override IEnumerable<IRenderable> GetOptions(ICommandModel model, ICommandInfo? command) =>
        base.GetOptions(model, command is { IsBranch: true, DefaultCommand: { } runs } ? runs : command);
}
