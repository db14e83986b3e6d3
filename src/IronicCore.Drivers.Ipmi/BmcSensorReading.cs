namespace IronicCore.Drivers.Ipmi;

/// <summary>One sensor of a <see cref="SimulatedBmc"/>, as <c>ipmitool sdr</c> lists it.</summary>
/// <param name="Name">The sensor's name, e.g. <c>PSU1 Status</c> or <c>CPU1 Temp</c>.</param>
/// <param name="Value">Its reading.</param>
/// <param name="Unit">The reading's unit, e.g. <c>degrees C</c>, <c>RPM</c>, <c>Volts</c>.</param>
/// <param name="Status">Where the reading stands against its thresholds.</param>
public sealed record BmcSensorReading(string Name, double Value, string Unit, BmcSensorStatus Status);
