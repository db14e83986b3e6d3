namespace IronicCore.Conducting.Periodic;

/// <summary>One of Ironic's periodic tasks (a <c>@periodics.periodic</c> method of its conductor).</summary>
internal interface IPeriodicTask
{
    /// <summary>Whether the options enable it (a spacing or a timeout of 0 disables most).</summary>
    bool Enabled { get; }

    /// <summary>How often it runs.</summary>
    TimeSpan Spacing { get; }

    void Run();
}
