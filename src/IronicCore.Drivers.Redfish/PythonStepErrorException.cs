using IronicCore.Errors;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// A Python error a redfish step's code raises on arguments of the wrong shape (a <c>KeyError</c>
/// for a setting without <c>name</c> or <c>value</c>, a <c>TypeError</c> for one that is no
/// object): Ironic's conductor fails the step with its text (a deployment also names its class).
/// </summary>
internal sealed class PythonStepErrorException(string pythonClass, string message) : IronicException(pythonClass, 500, message)
{
    public override bool IsLibraryError => true;
}
