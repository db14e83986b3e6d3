using System.Collections.Immutable;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// A node's driver: the hardware type's name and the interfaces it composes (Ironic's
/// <c>driver</c> and <c>*_interface</c> fields), with the steps those interfaces declare and
/// what running one does (<see cref="RunStep"/>: the error text, or null on success).
/// </summary>
internal sealed record HardwareType(
    string Driver,
    IPowerInterface Power,
    string ManagementInterface,
    string BootInterface,
    string DeployInterface,
    string InspectInterface,
    string RescueInterface,
    ImmutableArray<StepDefinition> CleanSteps,
    ImmutableArray<StepDefinition> DeploySteps,
    Func<StepDefinition, StepRequest?, string?> RunStep)
{
    /// <summary>Whether cleaning and deployment run through the ramdisk agent (the <c>direct</c> deploy interface).</summary>
    public bool UsesAgent => DeployInterface == "direct";
}
