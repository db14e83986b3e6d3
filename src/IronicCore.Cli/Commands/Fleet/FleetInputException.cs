namespace IronicCore.Cli.Commands.Fleet;

/// <summary>The fleet command's input was refused before anything ran: a bad file, option or policy.</summary>
internal sealed class FleetInputException(string message) : Exception(message);
