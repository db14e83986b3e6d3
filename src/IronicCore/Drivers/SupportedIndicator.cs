namespace IronicCore.Drivers;

/// <summary>
/// One indicator (an LED) a management interface reports (an entry of Ironic's
/// <c>get_supported_indicators</c>): the hardware component it is on, its id there, whether it can be
/// set, and the states it takes.
/// </summary>
/// <param name="Component">Ironic's component: <c>system</c>, <c>chassis</c> or <c>disk</c>.</param>
/// <param name="Name">The indicator's id within the component (a redfish system's UUID, fake's <c>led</c>).</param>
/// <param name="ReadOnly">Whether the indicator cannot be set.</param>
/// <param name="States">The states it takes, in Ironic's names (<c>blinking</c>, <c>off</c>, <c>on</c>).</param>
public readonly record struct SupportedIndicator(string Component, string Name, bool ReadOnly, IReadOnlyList<string> States);
