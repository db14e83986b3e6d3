namespace IronicCore.Drivers.Fake;

/// <summary>Ironic's <c>fake</c> boot interface: nothing to prepare, nothing to clean up.</summary>
internal sealed class FakeBoot : IBootInterface
{
    public static readonly FakeBoot Instance = new();

    public string Name => "fake";

    public bool SupportsRescue => false;

    public void Validate(DriverTask task)
    {
    }

    public void PrepareRamdisk(DriverTask task)
    {
    }

    public void CleanUpRamdisk(DriverTask task)
    {
    }

    public void PrepareInstance(DriverTask task)
    {
    }

    public void CleanUpInstance(DriverTask task)
    {
    }
}
