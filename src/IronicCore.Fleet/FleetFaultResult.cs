namespace IronicCore.Fleet;

/// <summary>
/// What the faults of one kind did to the nodes of one hardware type in a run
/// (<see cref="FleetResult.ByFault"/>): how many struck, and what Ironic made of them.
/// </summary>
public sealed record FleetFaultResult
{
    /// <summary>The hardware type (<c>fake-hardware</c>, <c>ipmi</c>, <c>redfish</c>).</summary>
    public required string Driver { get; init; }

    /// <summary>The fault kind.</summary>
    public required HardwareFaultKind Kind { get; init; }

    /// <summary>Faults of the kind that struck a node of the type (a node already broken takes no second fault).</summary>
    public required int Faults { get; init; }

    /// <summary>Deployments that failed (<c>deploy failed</c>) on a node of the type with a fault of the kind.</summary>
    public required int DeployFailures { get; init; }

    /// <summary>Cleanings that failed (<c>clean failed</c>) on a node of the type with a fault of the kind.</summary>
    public required int CleanFailures { get; init; }

    /// <summary>Mean, over the ends of the hours, of the type's nodes in maintenance with a fault of the kind.</summary>
    public required double MaintenanceHourlyMean { get; init; }
}
