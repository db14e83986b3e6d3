namespace IronicCore.States.Export;

/// <summary>Stateless names states and triggers by their C# names; diagrams show Ironic's.</summary>
internal static class IronicGraphLabels
{
    public static string State(string csharpName) =>
        Enum.TryParse<ProvisionState>(csharpName, out var state) ? state.ToIronicName() : csharpName;

    public static string Event(string csharpName) =>
        Enum.TryParse<ProvisionEvent>(csharpName, out var @event) ? @event.ToIronicName() : csharpName;
}
