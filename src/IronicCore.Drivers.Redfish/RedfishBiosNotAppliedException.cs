using IronicCore.Errors;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// Ironic's <c>_set_step_failed</c> of the redfish BIOS interface: run again after the reboot,
/// <c>apply_configuration</c> found attributes the BIOS did not take; the step fails with Ironic's
/// <c>last_error</c> words.
/// </summary>
internal sealed class RedfishBiosNotAppliedException(string attributes)
    : IronicException("RedfishError", 500, $"Redfish BIOS apply_configuration step failed. Attributes {attributes} are not updated.");
