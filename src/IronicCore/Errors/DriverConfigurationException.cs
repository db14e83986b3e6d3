namespace IronicCore.Errors;

/// <summary>
/// A driver configuration (<see cref="Drivers.DriverEnablement"/>) with which Ironic's conductor
/// does not start (<c>NoDriversLoaded</c>, <c>DriverNotFoundInEntrypoint</c>,
/// <c>InterfaceNotFoundInEntrypoint</c>, <c>NoValidDefaultForInterface</c>, with Ironic's message), or
/// with which it would give a simulated node an implementation IronicCore does not simulate
/// (<c>NotSimulated</c>). Nothing changed.
/// </summary>
public sealed class DriverConfigurationException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="ironicClass">Ironic's exception class, or <c>NotSimulated</c>.</param>
    /// <param name="option">The option at fault, as <c>"DEFAULT.option"</c>.</param>
    /// <param name="message">Ironic's message, or what IronicCore does not simulate.</param>
    public DriverConfigurationException(string ironicClass, string option, string message)
        : base(ironicClass, 400, message)
    {
        Option = option;
    }

    /// <summary>The option at fault, as <c>"DEFAULT.option"</c> (e.g. <c>DEFAULT.enabled_boot_interfaces</c>).</summary>
    public string Option { get; }
}
