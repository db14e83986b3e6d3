using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic master's servicing of a request that failed its check, when the deploy interface's
/// <c>prepare_service</c> boots no ramdisk (the fake one): <c>do_next_service_step</c> runs the
/// user's steps as given, each by its name on its interface.
/// </summary>
internal sealed class ServiceStepsAsGiven(ConductorContext context)
{
    /// <summary>
    /// Ironic's <c>do_next_service_step</c> over the request as given, when the deploy interface's
    /// <c>prepare_service</c> boots nothing (the fake one): every step is kept, reserved names too.
    /// </summary>
    public void Run(Node node)
    {
        node.StepsDisableRamdisk = false;
        node.StepPlan = [.. node.RequestedSteps.Select(user => (StepDefinition.AsGiven(user), (StepRequest?)user))];
        node.RequestedSteps = [];
        context.Steps.DoNextStep(node, node.StepPlan.IsEmpty ? null : 0);
    }

    /// <summary>
    /// One step run as given: a reserved name is handled by the conductor (Ironic's
    /// <c>use_reserved_step_handler</c>: <c>hold</c> and <c>wait</c> stop the steps in
    /// <c>service hold</c> or <c>service wait</c>, a <c>wait</c> with <c>seconds</c> resumes into
    /// <c>servicing</c> and stops there; <c>power_on</c>, <c>power_off</c>, <c>reboot</c> act on the
    /// power); else the step runs on its interface by name: a method that is no step runs too
    /// (<see cref="FakeInterfaceMethod"/>), and a name the interface lacks fails with Python's
    /// <c>AttributeError</c>.
    /// </summary>
    /// <returns>Whether the next step follows.</returns>
    public bool RunStep(Node node, StepRequest user)
    {
        switch (user.Step)
        {
            case "hold":
                context.Tasks.Fire(node, ProvisionEvent.Hold);
                return false;
            case "wait":
                context.Tasks.Fire(node, ProvisionEvent.Wait);
                if (user.Arg("seconds") is not null)
                {
                    context.Tasks.Fire(node, ProvisionEvent.Resume);
                }

                return false;
            case "power_on" or "power_off" or "reboot":
                try
                {
                    context.Power.NodePowerAction(
                        node, user.Step switch { "power_on" => PowerState.PowerOn, "power_off" => PowerState.PowerOff, _ => PowerState.Rebooting });
                    return true;
                }
                catch (IronicException error)
                {
                    context.Steps.StepRaised(node, user.ToString(), error.Message);
                    return false;
                }
        }

        var driver = context.Nodes.DriverOf(node);
        var definition = driver.ServiceSteps.FirstOrDefault(s => s.Interface == user.Interface && s.Step == user.Step)
            ?? driver.CleanSteps.FirstOrDefault(s => s.Interface == user.Interface && s.Step == user.Step);
        var failure = definition is not null ? FakeSteps.Run(node, context.Clock.GetUtcNow(), definition, user) : RunInterfaceMethod(node, user);
        if (failure is null && definition is not null && FakeSteps.EndsInWait(definition))
        {
            context.Tasks.Fire(node, ProvisionEvent.Wait);
            return false;
        }

        if (failure is null)
        {
            return true;
        }

        context.Steps.StepRaised(node, user.ToString(), failure);
        return false;
    }

    /// <summary>
    /// A name the interface has no step for: a method of it that is no step binds the step's
    /// arguments as Python does and runs (of the fake ones only the base RAID interface's
    /// <c>apply_configuration</c> does work of its own); any other name is Python's <c>AttributeError</c>.
    /// </summary>
    /// <returns>The step's failure, or null.</returns>
    private static string? RunInterfaceMethod(Node node, StepRequest user)
    {
        if (FakeInterfaceMethod.Find(user.Interface, user.Step) is not { } method)
        {
            return $"'{FakeHardware.InterfaceClass(user.Interface)}' object has no attribute '{user.Step}'";
        }

        return method.BindingError(user)
            ?? (method.Name == "apply_configuration" ? Raid.ApplyConfiguration(node, user.Arg("raid_config")!.Value) : null);
    }
}
