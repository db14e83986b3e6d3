namespace IronicCore.Cli.Commands.Scenario;

/// <summary>A scenario file the command refuses before running anything: exit 2, one JSON line on stderr.</summary>
/// <param name="error">The error's class, e.g. <c>InvalidScenario</c>, <c>UnknownOp</c>, <c>UnknownNode</c>, <c>UnknownOption</c>, <c>NotSupported</c>.</param>
/// <param name="message">What is wrong, and where in the file.</param>
internal sealed class ScenarioException(string error, string message) : Exception(message)
{
    public string Error { get; } = error;
}
