namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>ChassisNotEmpty</c> (HTTP 400): nodes still belong to the chassis, so it cannot be deleted.
/// </summary>
public sealed class ChassisNotEmptyException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="chassis">The chassis's database id, as Ironic's database names it.</param>
    public ChassisNotEmptyException(string chassis)
        : base("ChassisNotEmpty", 400, $"Cannot complete the requested action because chassis {chassis} contains nodes.")
    {
        Chassis = chassis;
    }

    /// <summary>The chassis, as the message names it.</summary>
    public string Chassis { get; }
}
