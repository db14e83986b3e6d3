namespace IronicCore.Cli;

/// <summary>The command line named an option the command does not have (<see cref="Option"/>, as given, dashes included).</summary>
internal sealed class UnknownOptionException(string option) : Exception($"unknown option {option}")
{
    public string Option { get; } = option;
}
