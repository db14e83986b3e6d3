using System.Text.Json;
using IronicCore.Nodes;

namespace IronicCore.Drivers.Fake;

/// <summary>Ironic's <c>fake</c> console interface: starting and stopping do nothing, and the connection information is an empty object.</summary>
internal sealed class FakeConsole : IConsoleInterface
{
    public static readonly FakeConsole Instance = new();

    public string Name => "fake";

    public void Validate(DriverTask task)
    {
    }

    public void StartConsole(DriverTask task)
    {
    }

    public void StopConsole(DriverTask task)
    {
    }

    public JsonElement GetConsole(DriverTask task) => JsonObjects.Empty;
}
