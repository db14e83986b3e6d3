using System.Collections.Immutable;
using IronicCore.Persistence;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Nodes;

/// <summary>
/// A node's details in a snapshot (format 3 on): nil for a node that never had one set, else
/// every field in one fixed order (a field added to <see cref="NodeDetails"/> goes at the end,
/// with a format version bump). Format 5 adds the BIOS settings and <c>target_raid_config</c> as
/// a seventeenth and eighteenth field, written only when either is set, so a node without them
/// is written as format 4 wrote it (a seventeen-field node, BIOS settings only, as a first
/// format-5 writer wrote it, still loads). A node that master's <c>autodetect</c> deploy interface
/// switched has a nineteenth field, the interface to switch back to, written only then. A node with
/// cached firmware components has a twentieth, written only then (the nineteenth nil unless switched),
/// and a node whose <c>health</c> power sync cached (master) a twenty-first, its health (the twentieth
/// then an empty list unless it has components); one with an inventory record a twenty-second, the
/// record (the twenty-first then nil unless health was cached); one whose boot mode or secure boot
/// the management interface cached a twenty-third, both (the twenty-second then nil unless it has a record).
/// </summary>
internal static class NodeDetailsCodec
{
    private const int Fields = 16;

    private const int FieldsWithBios = 17;

    private const int FieldsWithHardware = 18;

    private const int FieldsWithOriginalDeploy = 19;

    private const int FieldsWithFirmware = 20;

    private const int FieldsWithHealth = 21;

    private const int FieldsWithInventory = 22;

    private const int FieldsWithBootMode = 23;

    public static void Write(ref MessagePackWriter writer, NodeDetails details)
    {
        if (ReferenceEquals(details, NodeDetails.Empty))
        {
            writer.WriteNil();
            return;
        }

        var bootMode = details.BootMode is not null || details.SecureBoot is not null;
        var inventory = bootMode || details.Inventory is not null;
        var health = inventory || details.Health is not null;
        var firmware = health || !details.FirmwareComponents.IsEmpty;
        var switched = firmware || details.OriginalDeployInterface is not null;
        var hardware = switched || !details.BiosSettings.IsEmpty || !JsonObjects.IsEmpty(details.TargetRaidConfig);
        writer.WriteArrayHeader(bootMode ? FieldsWithBootMode : inventory ? FieldsWithInventory : health ? FieldsWithHealth : firmware ? FieldsWithFirmware : switched ? FieldsWithOriginalDeploy : hardware ? FieldsWithHardware : Fields);
        JsonSnapshot.Write(ref writer, details.Properties);
        JsonSnapshot.Write(ref writer, details.Extra);
        JsonSnapshot.Write(ref writer, details.InstanceInfo);
        JsonSnapshot.Write(ref writer, details.NetworkData);
        writer.Write(details.ChassisUuid);
        writer.Write(details.Description);
        writer.Write(details.Owner);
        writer.Write(details.Lessee);
        writer.Write(details.ResourceClass);
        writer.Write(details.Shard);
        writer.Write(details.ParentNode);
        writer.Write(details.InstanceName);
        writer.Write(details.ConsoleEnabled);
        SnapshotCodec.Write(ref writer, details.UpdatedAt);
        SnapshotCodec.Write(ref writer, details.InspectionFinishedAt);
        JsonSnapshot.Write(ref writer, details.Traits);
        if (hardware)
        {
            writer.WriteArrayHeader(details.BiosSettings.Length);
            foreach (var setting in details.BiosSettings)
            {
                writer.WriteArrayHeader(5);
                writer.Write(setting.Name);
                writer.Write(setting.Value);
                SnapshotCodec.Write(ref writer, setting.CreatedAt);
                SnapshotCodec.Write(ref writer, setting.UpdatedAt);
                JsonSnapshot.Write(ref writer, setting.Registry);
            }

            JsonSnapshot.Write(ref writer, details.TargetRaidConfig);
        }

        if (switched)
        {
            writer.Write(details.OriginalDeployInterface);
        }

        if (firmware)
        {
            WriteFirmware(ref writer, details.FirmwareComponents);
        }

        if (health)
        {
            if (details.Health is { } value)
            {
                writer.Write((byte)value);
            }
            else
            {
                writer.WriteNil();
            }
        }

        if (details.Inventory is { } record)
        {
            writer.WriteArrayHeader(2);
            JsonSnapshot.Write(ref writer, record.Inventory);
            if (record.PluginData is { } pluginData)
            {
                JsonSnapshot.Write(ref writer, pluginData);
            }
            else
            {
                writer.WriteNil();
            }
        }
        else if (bootMode)
        {
            writer.WriteNil();
        }

        if (bootMode)
        {
            writer.WriteArrayHeader(2);
            writer.Write(details.BootMode);
            if (details.SecureBoot is { } secureBoot)
            {
                writer.Write(secureBoot);
            }
            else
            {
                writer.WriteNil();
            }
        }
    }

    private static void WriteFirmware(ref MessagePackWriter writer, ImmutableArray<FirmwareComponent> components)
    {
        writer.WriteArrayHeader(components.Length);
        foreach (var component in components)
        {
            writer.WriteArrayHeader(6);
            writer.Write(component.Component);
            writer.Write(component.InitialVersion);
            writer.Write(component.CurrentVersion);
            writer.Write(component.LastVersionFlashed);
            SnapshotCodec.Write(ref writer, component.CreatedAt);
            SnapshotCodec.Write(ref writer, component.UpdatedAt);
        }
    }

    private static ImmutableArray<FirmwareComponent> ReadFirmware(ref MessagePackReader reader)
    {
        var count = reader.ReadArrayHeader();
        var components = ImmutableArray.CreateBuilder<FirmwareComponent>(count);
        for (var i = 0; i < count; i++)
        {
            Expect(ref reader, 6, "a firmware component");
            components.Add(new FirmwareComponent(
                ReadText(ref reader, "a firmware component's name"),
                ReadText(ref reader, "a firmware component's initial version"),
                ReadText(ref reader, "a firmware component's current version"),
                reader.ReadString(),
                ReadTime(ref reader),
                ReadNullableTime(ref reader)));
        }

        return components.MoveToImmutable();
    }

    public static NodeDetails Read(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return NodeDetails.Empty;
        }

        var fields = reader.ReadArrayHeader();
        if (fields is not (Fields or FieldsWithBios or FieldsWithHardware or FieldsWithOriginalDeploy or FieldsWithFirmware or FieldsWithHealth or FieldsWithInventory or FieldsWithBootMode))
        {
            throw new MessagePackSerializationException(
                $"a node's details has {fields} fields, not {Fields}, {FieldsWithBios}, {FieldsWithHardware}, {FieldsWithOriginalDeploy}, {FieldsWithFirmware}, {FieldsWithHealth}, {FieldsWithInventory} or {FieldsWithBootMode}");
        }

        var details = new NodeDetails
        {
            Properties = JsonSnapshot.ReadObject(ref reader, "a node's properties"),
            Extra = JsonSnapshot.ReadObject(ref reader, "a node's extra"),
            InstanceInfo = JsonSnapshot.ReadObject(ref reader, "a node's instance_info"),
            NetworkData = JsonSnapshot.ReadObject(ref reader, "a node's network_data"),
            ChassisUuid = reader.ReadString(),
            Description = reader.ReadString(),
            Owner = reader.ReadString(),
            Lessee = reader.ReadString(),
            ResourceClass = reader.ReadString(),
            Shard = reader.ReadString(),
            ParentNode = reader.ReadString(),
            InstanceName = reader.ReadString(),
            ConsoleEnabled = reader.ReadBoolean(),
            UpdatedAt = ReadNullableTime(ref reader),
            InspectionFinishedAt = ReadNullableTime(ref reader),
            Traits = JsonSnapshot.ReadSet(ref reader, "a trait"),
        };
        return fields switch
        {
            FieldsWithHealth or FieldsWithInventory or FieldsWithBootMode => ReadBootMode(ref reader, fields, details with
            {
                BiosSettings = ReadBiosSettings(ref reader),
                TargetRaidConfig = JsonSnapshot.ReadObject(ref reader, "a node's target_raid_config"),
                OriginalDeployInterface = reader.ReadString(),
                FirmwareComponents = ReadFirmware(ref reader),
                Health = reader.TryReadNil() ? null : ReadHealth(ref reader),
                Inventory = fields == FieldsWithHealth || reader.TryReadNil() ? null : ReadInventory(ref reader),
            }),
            FieldsWithFirmware => details with
            {
                BiosSettings = ReadBiosSettings(ref reader),
                TargetRaidConfig = JsonSnapshot.ReadObject(ref reader, "a node's target_raid_config"),
                OriginalDeployInterface = reader.ReadString(),
                FirmwareComponents = ReadFirmware(ref reader),
            },
            FieldsWithOriginalDeploy => details with
            {
                BiosSettings = ReadBiosSettings(ref reader),
                TargetRaidConfig = JsonSnapshot.ReadObject(ref reader, "a node's target_raid_config"),
                OriginalDeployInterface = ReadText(ref reader, "a node's original deploy interface"),
            },
            FieldsWithHardware => details with { BiosSettings = ReadBiosSettings(ref reader), TargetRaidConfig = JsonSnapshot.ReadObject(ref reader, "a node's target_raid_config") },
            FieldsWithBios => details with { BiosSettings = ReadBiosSettings(ref reader) },
            _ => details,
        };
    }

    /// <summary>The twenty-third field, when there is one: the cached boot mode and secure boot state.</summary>
    private static NodeDetails ReadBootMode(ref MessagePackReader reader, int fields, NodeDetails details)
    {
        if (fields != FieldsWithBootMode)
        {
            return details;
        }

        Expect(ref reader, 2, "a node's boot mode and secure boot");
        var mode = reader.ReadString();
        if (mode is not (null or "uefi" or "bios"))
        {
            throw new MessagePackSerializationException($"a node's boot mode is '{mode}', which is neither uefi nor bios");
        }

        return details with { BootMode = mode, SecureBoot = reader.TryReadNil() ? null : reader.ReadBoolean() };
    }

    private static NodeInventory ReadInventory(ref MessagePackReader reader)
    {
        Expect(ref reader, 2, "a node's inventory record");
        var inventory = JsonSnapshot.ReadObject(ref reader, "a node's inventory");
        return new NodeInventory(inventory, reader.TryReadNil() ? null : JsonSnapshot.ReadObject(ref reader, "a node's inspection plugin data"));
    }

    private static NodeHealth ReadHealth(ref MessagePackReader reader)
    {
        var value = reader.ReadByte();
        return Enum.IsDefined((NodeHealth)value) ? (NodeHealth)value : throw new MessagePackSerializationException($"a node's health is {value}, which is none");
    }

    private static ImmutableArray<BiosSetting> ReadBiosSettings(ref MessagePackReader reader)
    {
        var count = reader.ReadArrayHeader();
        var settings = ImmutableArray.CreateBuilder<BiosSetting>(count);
        for (var i = 0; i < count; i++)
        {
            Expect(ref reader, 5, "a BIOS setting");
            settings.Add(new BiosSetting(
                reader.ReadString() ?? throw new MessagePackSerializationException("a BIOS setting has no name"),
                reader.ReadString(),
                ReadTime(ref reader),
                ReadNullableTime(ref reader))
            {
                Registry = JsonSnapshot.ReadObject(ref reader, "a BIOS setting's registry"),
            });
        }

        return settings.MoveToImmutable();
    }
}
