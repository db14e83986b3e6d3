using System.Collections.Immutable;
using IronicCore.Nodes;
using IronicCore.States;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Drivers.Redfish;

/// <summary>A Redfish system's state as a snapshot keeps it: its BMC and id, what its BMC was told and its faults.</summary>
internal sealed record RedfishSystemState(
    string Address,
    string Id,
    RedfishBootSourceTarget Target,
    RedfishBootSourceOverrideEnabled Enabled,
    RedfishBootSourceOverrideMode Mode,
    string IndicatorLed,
    bool SecureBootEnable,
    ImmutableArray<string?> Media,
    ImmutableArray<KeyValuePair<string, object>> BiosAttributes,
    ImmutableArray<KeyValuePair<string, object>> BiosPending,
    bool BiosResetPending,
    string BiosVersion,
    string BmcVersion,
    NodeHealth? Health,
    int Faults)
{
    public static RedfishSystemState Of(RedfishSystem system) => new(
        system.Bmc.Address,
        system.Id,
        system.BootSourceOverrideTarget,
        system.BootSourceOverrideEnabled,
        system.BootSourceOverrideMode,
        system.IndicatorLed,
        system.SecureBootEnable,
        [.. system.VirtualMedia.Select(media => media.Image)],
        [.. system.Bios.Attributes],
        [.. system.Bios.PendingAttributes],
        system.Bios.ResetPending,
        system.Firmware.BiosVersion,
        system.Firmware.BmcVersion,
        system.Health,
        (system.ResetFails ? 1 : 0) | (system.InsertMediaFails ? 2 : 0) | (system.CredentialsRejected ? 4 : 0) | (system.FirmwareUpdateFails ? 8 : 0)
            | (system.FirmwareUpdateNeverCompletes ? 16 : 0));

    public void ApplyTo(RedfishSystem system)
    {
        system.BootSourceOverrideTarget = Target;
        system.BootSourceOverrideEnabled = Enabled;
        system.BootSourceOverrideMode = Mode;
        system.IndicatorLed = IndicatorLed;
        system.SecureBootEnable = SecureBootEnable;
        for (var i = 0; i < Media.Length && i < system.VirtualMedia.Count; i++)
        {
            if (Media[i] is { } image)
            {
                system.VirtualMedia[i].Insert(image, writeProtected: true);
            }
        }

        system.Bios.Restore(BiosAttributes, BiosPending, BiosResetPending);
        system.Firmware.BiosVersion = BiosVersion;
        system.Firmware.BmcVersion = BmcVersion;
        system.Health = Health;
        system.ResetFails = (Faults & 1) != 0;
        system.InsertMediaFails = (Faults & 2) != 0;
        system.CredentialsRejected = (Faults & 4) != 0;
        system.FirmwareUpdateFails = (Faults & 8) != 0;
        system.FirmwareUpdateNeverCompletes = (Faults & 16) != 0;
    }

    public void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(15);
        writer.Write(Address);
        writer.Write(Id);
        writer.Write((byte)Target);
        writer.Write((byte)Enabled);
        writer.Write((byte)Mode);
        writer.Write(IndicatorLed);
        writer.Write(SecureBootEnable);
        writer.WriteArrayHeader(Media.Length);
        foreach (var image in Media)
        {
            writer.Write(image);
        }

        WriteAttributes(ref writer, BiosAttributes);
        WriteAttributes(ref writer, BiosPending);
        writer.Write(BiosResetPending);
        writer.Write(BiosVersion);
        writer.Write(BmcVersion);
        writer.Write(Health?.ToIronicName());
        writer.Write(Faults);
    }

    public static RedfishSystemState Read(ref MessagePackReader reader)
    {
        Expect(ref reader, 15, "a Redfish system");
        var address = ReadText(ref reader, "a Redfish BMC address");
        var id = ReadText(ref reader, "a Redfish system id");
        var target = (RedfishBootSourceTarget)reader.ReadByte();
        var enabled = (RedfishBootSourceOverrideEnabled)reader.ReadByte();
        var mode = (RedfishBootSourceOverrideMode)reader.ReadByte();
        var indicator = ReadText(ref reader, "an indicator LED");
        var secureBoot = reader.ReadBoolean();
        var media = ImmutableArray.CreateBuilder<string?>();
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            media.Add(reader.ReadString());
        }

        return new RedfishSystemState(
            address, id, target, enabled, mode, indicator, secureBoot, media.ToImmutable(), ReadAttributes(ref reader), ReadAttributes(ref reader),
            reader.ReadBoolean(), ReadText(ref reader, "a BIOS version"), ReadText(ref reader, "a BMC version"), ReadHealth(ref reader), reader.ReadInt32());
    }

    /// <summary>The system's health by its Redfish name, nil when it reports none.</summary>
    private static NodeHealth? ReadHealth(ref MessagePackReader reader) => reader.ReadString() switch
    {
        null => null,
        var name when IronicNames.TryParse<NodeHealth>(name, out var health) => health,
        var name => throw new MessagePackSerializationException($"a Redfish system's health is '{name}', which is none"),
    };

    private static void WriteAttributes(ref MessagePackWriter writer, ImmutableArray<KeyValuePair<string, object>> attributes)
    {
        writer.WriteMapHeader(attributes.Length);
        foreach (var (name, value) in attributes)
        {
            writer.Write(name);
            switch (value)
            {
                case bool flag:
                    writer.Write(flag);
                    break;
                case int number:
                    writer.Write(number);
                    break;
                default:
                    writer.Write(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
    }

    private static ImmutableArray<KeyValuePair<string, object>> ReadAttributes(ref MessagePackReader reader)
    {
        var result = ImmutableArray.CreateBuilder<KeyValuePair<string, object>>();
        for (var count = reader.ReadMapHeader(); count > 0; count--)
        {
            var name = ReadText(ref reader, "a BIOS attribute");
            object value = reader.NextMessagePackType switch
            {
                MessagePackType.Boolean => reader.ReadBoolean(),
                MessagePackType.Integer => reader.ReadInt32(),
                _ => ReadText(ref reader, "a BIOS value"),
            };
            result.Add(new(name, value));
        }

        return result.ToImmutable();
    }
}
