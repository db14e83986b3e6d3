using System.Text.Json;
using IronicCore.Drivers;
using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore.Conducting;

/// <summary>
/// A node's RAID interface as the conductor uses it: fake-hardware's <c>fake</c> (Ironic's
/// <c>FakeRAID</c>, whose configuration methods do nothing) or <c>no-raid</c> (every other type
/// here), with Ironic's base RAID interface's validation and <c>apply_configuration</c>.
/// </summary>
internal sealed class Raid(ConductorContext context)
{
    /// <summary>
    /// Ironic's <c>set_target_raid_config</c>: exclusive lock; a non-empty configuration is checked
    /// by the RAID interface (<c>no-raid</c> refuses it), then stored; an empty one clears it.
    /// </summary>
    public void SetTargetRaidConfig(Node node, JsonElement config)
    {
        context.Tasks.EnsureUnlocked(node);
        if (!JsonObjects.IsEmpty(config))
        {
            Validate(node, config);
        }

        node.Details = node.Details with { TargetRaidConfig = config };
        NodeDetailsRules.Touch(node, context.Clock.GetUtcNow());
    }

    /// <summary>
    /// The base RAID interface's <c>apply_configuration</c> run as a fake service step: the
    /// configuration checked and stored as <c>target_raid_config</c>, then the fake's
    /// <c>create_configuration</c>, which takes no <c>delete_existing</c>, so the call fails as
    /// Python's <c>TypeError</c> after the configuration was stored. Returns the step's failure.
    /// </summary>
    public static string ApplyConfiguration(Node node, JsonElement config)
    {
        if (RaidConfigSchema.Error(config) is { } invalid)
        {
            return invalid;
        }

        node.Details = node.Details with { TargetRaidConfig = config };
        return "FakeRAID.create_configuration() got an unexpected keyword argument 'delete_existing'";
    }

    private void Validate(Node node, JsonElement config)
    {
        if (!DriverFactory.IsFakeHardware(context.Nodes.DriverOf(node).Type))
        {
            throw new UnsupportedDriverExtensionException(node.Interfaces.Driver, "raid");
        }

        if (RaidConfigSchema.Error(config) is { } invalid)
        {
            throw new InvalidParameterValueException(invalid);
        }
    }
}
