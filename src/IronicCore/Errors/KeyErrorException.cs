namespace IronicCore.Errors;

/// <summary>
/// Python's <c>KeyError</c> (HTTP 500), which Ironic master's API lets through unhandled: its step
/// policy check (<c>conductor/steps.py</c> <c>_check_step_policy</c>) reads a user's step's
/// <c>interface</c> and <c>step</c> before the step schema is checked, so a step lacking either
/// fails the request with 500 instead of the schema's 400. A deploy step's (<c>write_image</c>
/// without an image) fails the deployment, worded as Python's own errors are.
/// </summary>
internal sealed class KeyErrorException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="key">The key that is missing, e.g. <c>step</c>.</param>
    public KeyErrorException(string key)
        : base("KeyError", 500, $"'{key}'")
    {
        Key = key;
    }

    /// <summary>The key that is missing.</summary>
    public string Key { get; }

    /// <summary>Python's own error, not one of Ironic's.</summary>
    public override bool IsLibraryError => true;
}
