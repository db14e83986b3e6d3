namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>InspectionRuleAlreadyExists</c> (HTTP 409): another inspection rule has this UUID.
/// </summary>
public sealed class InspectionRuleAlreadyExistsException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="uuid">The UUID.</param>
    public InspectionRuleAlreadyExistsException(string uuid)
        : base("InspectionRuleAlreadyExists", 409, $"A rule with UUID {uuid} already exists.")
    {
        Uuid = uuid;
    }

    /// <summary>The UUID.</summary>
    public string Uuid { get; }
}
