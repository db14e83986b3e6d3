using System.ComponentModel;
using IronicCore.Errors;
using IronicCore.States;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Fsm;

/// <summary>Options every <c>fsm</c> command takes.</summary>
internal class FsmSettings : CommandSettings
{
    [CommandOption("--release <RELEASE>")]
    [Description("The Ironic release whose machine to use: master (default), 21.4 or 2025.1.")]
    [DefaultValue("master")]
    public string Release { get; init; } = "master";

    public IronicRelease ParsedRelease => IronicNameParser.Parse<IronicRelease>(Release);

    public override ValidationResult Validate() =>
        IronicNames.TryParse<IronicRelease>(Release, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error(
                $"Unknown release \"{Release}\". Valid releases: {string.Join(", ", IronicNames.All<IronicRelease>())}.");
}
