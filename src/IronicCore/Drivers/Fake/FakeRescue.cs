using IronicCore.States;

namespace IronicCore.Drivers.Fake;

/// <summary>Ironic's <c>fake</c> rescue interface: rescue and unrescue finish at once.</summary>
internal sealed class FakeRescue : IRescueInterface
{
    public static readonly FakeRescue Instance = new();

    private FakeRescue()
    {
    }

    public string Name => "fake";

    public void Validate(DriverTask task)
    {
    }

    public ProvisionEvent Rescue(DriverTask task, IConductorUtils conductor) => ProvisionEvent.Done;

    public void Unrescue(DriverTask task, IConductorUtils conductor)
    {
    }
}
