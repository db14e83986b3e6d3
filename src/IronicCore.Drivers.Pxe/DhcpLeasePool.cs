using System.Net;
using IronicCore.Persistence;
using MessagePack;

namespace IronicCore.Drivers.Pxe;

/// <summary>
/// A provisioning network's DHCP pool: a fixed set of addresses leased per node slot, freed at
/// clean-up; when none is free, expired leases are taken back first. Allocation-free after warm-up.
/// </summary>
internal sealed class DhcpLeasePool(PxeNetworkOptions options)
{
    private readonly Stack<int> free = new(Enumerable.Range(0, options.AddressCount).Reverse());
    private readonly List<int> addressOf = [];
    private readonly List<long> expiresAt = [];
    private readonly uint first = ToUInt32(IPAddress.Parse(options.FirstAddress));

    public int InUse => options.AddressCount - free.Count;

    /// <summary>Leases an address to the slot (renewing the one it holds).</summary>
    /// <exception cref="NetworkErrorException">Every address is leased and none has expired.</exception>
    public void Acquire(int slot, DateTimeOffset now)
    {
        while (addressOf.Count <= slot)
        {
            addressOf.Add(-1);
            expiresAt.Add(0);
        }

        if (addressOf[slot] < 0)
        {
            if (free.Count == 0)
            {
                ReclaimExpired(now);
            }

            if (!free.TryPop(out var address))
            {
                throw new NetworkErrorException(options.Name, options.AddressCount);
            }

            addressOf[slot] = address;
        }

        expiresAt[slot] = (now + options.LeaseTime).UtcTicks;
    }

    public void Release(int slot)
    {
        if (slot < addressOf.Count && addressOf[slot] >= 0)
        {
            free.Push(addressOf[slot]);
            addressOf[slot] = -1;
        }
    }

    /// <summary>The slot's leased address, or null.</summary>
    public IPAddress? AddressOf(int slot) =>
        slot < addressOf.Count && addressOf[slot] >= 0 ? ToAddress(first + (uint)addressOf[slot]) : null;

    /// <summary>In a snapshot: the free addresses in the order they are handed out, then each slot's address (or -1) and expiry.</summary>
    public void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(2);
        writer.WriteArrayHeader(free.Count);
        foreach (var address in free)
        {
            writer.Write(address);
        }

        writer.WriteArrayHeader(addressOf.Count);
        for (var slot = 0; slot < addressOf.Count; slot++)
        {
            writer.WriteArrayHeader(2);
            writer.Write(addressOf[slot]);
            writer.Write(expiresAt[slot]);
        }
    }

    /// <summary>What <see cref="Write"/> wrote, into this new pool; every address must be free or leased once.</summary>
    public void Read(ref MessagePackReader reader)
    {
        SnapshotCodec.Expect(ref reader, 2, "a DHCP pool");
        var seen = new bool[options.AddressCount];
        var handedOut = new int[reader.ReadArrayHeader()];
        for (var i = 0; i < handedOut.Length; i++)
        {
            handedOut[i] = Claim(reader.ReadInt32(), seen);
        }

        free.Clear();
        for (var i = handedOut.Length - 1; i >= 0; i--)
        {
            free.Push(handedOut[i]);
        }

        for (var slots = reader.ReadArrayHeader(); slots > 0; slots--)
        {
            SnapshotCodec.Expect(ref reader, 2, "a DHCP lease");
            var address = reader.ReadInt32();
            addressOf.Add(address < 0 ? -1 : Claim(address, seen));
            expiresAt.Add(reader.ReadInt64());
        }

        if (Array.IndexOf(seen, false) is var lost and >= 0)
        {
            throw new MessagePackSerializationException($"address {lost} of DHCP pool {options.Name} is neither free nor leased");
        }
    }

    private static int Claim(int address, bool[] seen)
    {
        if ((uint)address >= (uint)seen.Length || seen[address])
        {
            throw new MessagePackSerializationException($"DHCP address {address} is outside the pool or given twice");
        }

        seen[address] = true;
        return address;
    }

    private void ReclaimExpired(DateTimeOffset now)
    {
        for (var slot = 0; slot < addressOf.Count; slot++)
        {
            if (addressOf[slot] >= 0 && expiresAt[slot] <= now.UtcTicks)
            {
                Release(slot);
            }
        }
    }

    private static uint ToUInt32(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    private static IPAddress ToAddress(uint value) =>
        new([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
}
