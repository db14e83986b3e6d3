namespace IronicCore.Api.Durability;

/// <summary>
/// Endpoint metadata for a GET that changes the conductor, so its requests are journaled like
/// writes: Ironic's lookup, which issues the agent's token (<c>ironic/api/controllers/v1/ramdisk.py</c>).
/// </summary>
internal sealed class ChangesStateOnRead
{
    public static ChangesStateOnRead Instance { get; } = new();
}
