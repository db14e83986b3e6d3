using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// A node's driver as the conductor runs it: the hardware type's interfaces with the deploy,
/// inspect and rescue interfaces the node chose (Ironic's <c>*_interface</c> fields), and the
/// steps those interfaces declare. One instance per combination, shared by its nodes. The
/// management interface is the type's unless the node chose another the type offers.
/// </summary>
internal sealed record NodeDriver(
    HardwareType Type,
    string DeployInterface,
    string InspectInterface,
    string RescueInterface,
    ImmutableArray<StepDefinition> CleanSteps,
    ImmutableArray<StepDefinition> DeploySteps,
    IManagementInterface? ManagementInterface = null)
{
    /// <summary>
    /// The <c>direct</c> deploy interface's steps: boot the agent, have it write the image,
    /// then make the machine boot the instance.
    /// </summary>
    public static readonly ImmutableArray<StepDefinition> DirectDeploySteps =
    [
        new("deploy", "deploy", 100),
        new("deploy", "write_image", 80),
        new("deploy", "prepare_instance_boot", 60),
        new("deploy", "tear_down_agent", 40),
        new("deploy", "switch_to_tenant_network", 30),
        new("deploy", "boot_instance", 20),
    ];

    public string Driver => Type.Name;

    public IPowerInterface Power => Type.Power;

    public IManagementInterface Management => ManagementInterface ?? Type.Management;

    public IBootInterface Boot => Type.Boot;

    /// <summary>Whether cleaning and deployment run through the ramdisk agent (the <c>direct</c> deploy interface).</summary>
    public bool UsesAgent => DeployInterface == "direct";

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
