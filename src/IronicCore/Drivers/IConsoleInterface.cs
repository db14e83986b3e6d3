using System.Text.Json;

namespace IronicCore.Drivers;

/// <summary>
/// A node's console interface (Ironic's <c>ConsoleInterface</c>): starts and stops the serial or
/// graphical console and says how to reach it. A hardware type without one has Ironic's
/// <c>no-console</c>, which refuses every call with <c>UnsupportedDriverExtension</c>.
/// Calls run on the simulation's thread.
/// </summary>
public interface IConsoleInterface
{
    /// <summary>The interface's name, e.g. <c>fake</c>.</summary>
    string Name { get; }

    /// <summary>Checks the node's <c>driver_info</c> without contacting the machine.</summary>
    void Validate(DriverTask task);

    /// <summary>Starts the console.</summary>
    void StartConsole(DriverTask task);

    /// <summary>Stops the console.</summary>
    void StopConsole(DriverTask task);

    /// <summary>How to connect to the running console: Ironic's <c>console_info</c> object (<c>type</c>, <c>url</c>, ...).</summary>
    JsonElement GetConsole(DriverTask task);
}
