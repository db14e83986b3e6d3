namespace IronicCore.Fleet;

/// <summary>
/// The humans who take nodes out of maintenance: how many, when they work (UTC, virtual time)
/// and how long one ticket keeps one of them busy. They work tickets first come, first served;
/// a ticket started before the shift ends is finished.
/// </summary>
public sealed record FleetOperators
{
    /// <summary>How many operators. Default 2; 0 means nobody ever looks.</summary>
    public int Count { get; init; } = 2;

    /// <summary>The hour their shift starts, 0 to 23. Default 9.</summary>
    public int ShiftStartHour { get; init; } = 9;

    /// <summary>The hour their shift ends, after <see cref="ShiftStartHour"/>, at most 24. Default 17.</summary>
    public int ShiftEndHour { get; init; } = 17;

    /// <summary>Whether they work on Saturdays and Sundays. Default false.</summary>
    public bool Weekends { get; init; }

    /// <summary>The hands-on time of one ticket (diagnosis and the steps to return the node). Default 90 minutes.</summary>
    public TimeSpan TimePerTicket { get; init; } = TimeSpan.FromMinutes(90);
}
