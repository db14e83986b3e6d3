namespace IronicCore.Scenarios;

/// <summary>
/// A scenario file refused before anything runs: <see cref="Error"/> names the kind of problem as the
/// oracle does, the message says what is wrong and where in the file. <c>ironic-sim scenario</c> prints
/// both as one JSON line on stderr and exits 2.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="error">The kind of problem, e.g. <c>InvalidScenario</c>.</param>
    /// <param name="message">What is wrong, and where in the file.</param>
    public ScenarioException(string error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>
    /// The kind of problem: <c>JSONDecodeError</c>, <c>InvalidScenario</c>, <c>UnknownOp</c>,
    /// <c>UnknownNode</c>, <c>UnknownOption</c>, <c>InvalidOptionValue</c>, <c>NotSupported</c> (what the
    /// simulator does not simulate yet) or <c>FileError</c> (the file could not be read).
    /// </summary>
    public string Error { get; }
}
