namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>ChassisNotFound</c>: no chassis has this UUID (404; 400 when a node's <c>chassis_uuid</c> names it, as Ironic's node API changes the code).
/// </summary>
public sealed class ChassisNotFoundException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="chassis">The UUID asked for.</param>
    /// <param name="code">404, or 400 when the UUID came in a node's fields.</param>
    public ChassisNotFoundException(string chassis, int code = 404)
        : base("ChassisNotFound", code, $"Chassis {chassis} could not be found.")
    {
        Chassis = chassis;
    }

    /// <summary>The UUID asked for.</summary>
    public string Chassis { get; }
}
