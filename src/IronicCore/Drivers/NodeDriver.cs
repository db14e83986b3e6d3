using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// A node's driver as the conductor runs it (Ironic's <c>task.driver</c>): the hardware type's
/// interfaces with the deploy, inspect and rescue interfaces the node chose (Ironic's
/// <c>*_interface</c> fields), and the steps those interfaces declare. One instance per
/// combination, shared by its nodes. The management interface is the type's unless the node
/// chose another the type offers.
/// </summary>
internal sealed record NodeDriver(
    HardwareType Type,
    IDeployInterface Deploy,
    string InspectInterface,
    IRescueInterface Rescue,
    ImmutableArray<StepDefinition> CleanSteps,
    IManagementInterface? ManagementInterface = null)
{
    public string Driver => Type.Name;

    public IPowerInterface Power => Type.Power;

    public IManagementInterface Management => ManagementInterface ?? Type.Management;

    public IBootInterface Boot => Type.Boot;

    /// <summary>The <c>deploy_interface</c>'s name.</summary>
    public string DeployInterface => Deploy.Name;

    /// <summary>The <c>rescue_interface</c>'s name.</summary>
    public string RescueInterface => Rescue.Name;

    /// <summary>The deploy interface's steps.</summary>
    public ImmutableArray<StepDefinition> DeploySteps => Deploy.DeploySteps;

    /// <summary>Whether cleaning, servicing and deployment run through the ramdisk agent.</summary>
    public bool UsesAgent => Deploy.UsesRamdisk;

    /// <summary>
    /// Runs an out-of-band step; returns the error text Ironic would report, or null on success.
    /// <c>prepare_instance_boot</c> hands the machine to the instance: the boot interface prepares
    /// it and the management interface sets the boot device to disk.
    /// </summary>
    public string? RunStep(DriverTask task, StepDefinition step, StepRequest? user)
    {
        if (step is not { Interface: "deploy", Step: "prepare_instance_boot" })
        {
            return FakeSteps.Run(step, user);
        }

        try
        {
            PrepareInstanceBoot(task);
            return null;
        }
        catch (IronicException error)
        {
            return error.Message;
        }
    }

    /// <summary>The machine will boot the instance from its disk: the boot interface prepares it, the management interface sets the boot device.</summary>
    public void PrepareInstanceBoot(DriverTask task)
    {
        Boot.PrepareInstance(task);
        Management.SetBootDevice(task, BootDevice.Disk, persistent: true);
    }
}
