namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>DriverNotFound</c> (HTTP 404): the hardware type is not enabled in this conductor.
/// </summary>
public sealed class DriverNotFoundException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="driverName">The hardware type asked for.</param>
    public DriverNotFoundException(string driverName)
        : base("DriverNotFound", 404, $"Could not find the following driver(s) or hardware type(s): {driverName}.")
    {
        DriverName = driverName;
    }

    /// <summary>The hardware type asked for.</summary>
    public string DriverName { get; }
}
