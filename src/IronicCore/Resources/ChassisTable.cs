using System.Text.Json;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Simulation;

namespace IronicCore.Resources;

/// <summary>
/// Every chassis, in creation order, with the database's rules: UUIDs are unique, ids are never
/// reused. UUIDs not given come from a stream of the table's own, so chassis leave node UUIDs as they were.
/// </summary>
internal sealed class ChassisTable(ulong seed)
{
    private readonly List<Chassis> chassis = [];

    /// <summary>Where generated UUIDs come from; saved in snapshots.</summary>
    public SeededRandom Uuids { get; } = new(SeededRandom.StreamSeed(seed, "chassis"));

    /// <summary>The last database id given; saved in snapshots, so a deleted chassis's id is not given again.</summary>
    public int LastId { get; set; }

    public IReadOnlyList<Chassis> All => chassis;

    /// <exception cref="ChassisNotFoundException">No chassis has the UUID.</exception>
    public Chassis Get(string uuid, int code = 404) => ByUuid(uuid) ?? throw new ChassisNotFoundException(uuid, code);

    public Chassis? ByUuid(string uuid) => chassis.Find(c => string.Equals(c.Uuid, uuid, StringComparison.OrdinalIgnoreCase));

    /// <exception cref="ChassisAlreadyExistsException">The UUID is taken.</exception>
    /// <exception cref="ArgumentException">The UUID is not one, or <c>extra</c> is not a JSON object.</exception>
    public Chassis Create(string? uuid, string? description, JsonElement extra, DateTimeOffset now)
    {
        if (uuid is not null && !Guid.TryParse(uuid, out _))
        {
            throw new ArgumentException($"Expected UUID for uuid: {uuid}", nameof(uuid));
        }

        var checkedExtra = JsonObjects.Check(extra, nameof(extra)).Clone();
        uuid ??= Uuids.NewUuid().ToString();
        if (ByUuid(uuid) is not null)
        {
            throw new ChassisAlreadyExistsException(uuid);
        }

        var created = new Chassis(++LastId, uuid, now) { Description = description, Extra = checkedExtra };
        chassis.Add(created);
        return created;
    }

    public void Remove(Chassis removed) => chassis.Remove(removed);

    /// <summary>Adds a chassis read from a snapshot, as saved.</summary>
    public void Restore(Chassis restored) => chassis.Add(restored);
}
