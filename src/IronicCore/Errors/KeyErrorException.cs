namespace IronicCore.Errors;

/// <summary>
/// Python's <c>KeyError</c> escaping Ironic's API as HTTP 500: Ironic master's step policy check
/// (<c>conductor/steps.py</c> <c>_check_step_policy</c>) reads a requested step's
/// <c>interface</c> and <c>step</c> before the schema is checked, so a step missing either fails
/// there. Nothing was changed.
/// </summary>
public sealed class KeyErrorException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="key">The missing key, e.g. <c>interface</c>.</param>
    public KeyErrorException(string key)
        : base("KeyError", 500, $"'{key}'")
    {
        Key = key;
    }

    /// <summary>The missing key.</summary>
    public string Key { get; }
}
