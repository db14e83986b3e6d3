using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace IronicCore;

/// <summary>
/// Ironic's consistent hash ring (tooz's <c>HashRing</c>, which <c>ironic/common/hash_ring.py</c>
/// builds): each host owns <c>2^hash_partition_exponent</c> points, the md5 digests of its name
/// fed again and again into one running hash; a node belongs to the first point at or after
/// the md5 of its UUID, wrapping round. Removing a host moves only that host's nodes.
/// Immutable: a change of hosts is a new ring.
/// </summary>
[SuppressMessage("Security", "CA5351", Justification = "Ironic places nodes with md5; nothing here is a secret.")]
public sealed class HashRing
{
    private readonly UInt128[] points;
    private readonly int[] owners;

    /// <summary>Builds the ring over <paramref name="hosts"/> (host indexes and names) with <paramref name="partitionsPerHost"/> points each.</summary>
    /// <param name="hosts">Each host's index (what <see cref="HostOf(UInt128)"/> returns) and name (what places it).</param>
    /// <param name="partitionsPerHost"><c>2^[DEFAULT] hash_partition_exponent</c>.</param>
    public HashRing(IEnumerable<(int Index, string Name)> hosts, int partitionsPerHost)
    {
        var ring = new SortedDictionary<UInt128, int>();
        Span<byte> digest = stackalloc byte[16];
        foreach (var (index, name) in hosts)
        {
            var key = Encoding.UTF8.GetBytes(name);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            hash.AppendData(key);
            for (var r = 0; r < partitionsPerHost; r++)
            {
                hash.AppendData(key);
                hash.GetCurrentHash(digest);
                ring[BinaryPrimitives.ReadUInt128BigEndian(digest)] = index;
            }
        }

        points = [.. ring.Keys];
        owners = [.. ring.Values];
    }

    /// <summary>Whether the ring has no host.</summary>
    public bool IsEmpty => points.Length == 0;

    /// <summary>
    /// Where the node with this UUID sits on any ring: the md5 of the UUID. A node's key never
    /// changes, so callers that route it often keep it instead of hashing again.
    /// </summary>
    /// <param name="nodeUuid">The node's UUID.</param>
    /// <returns>The node's key.</returns>
    public static UInt128 KeyOf(string nodeUuid)
    {
        Span<byte> digest = stackalloc byte[16];
        var length = Encoding.UTF8.GetByteCount(nodeUuid);
        Span<byte> key = length <= 128 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(nodeUuid, key);
        MD5.HashData(key, digest);
        return BinaryPrimitives.ReadUInt128BigEndian(digest);
    }

    /// <summary>The index of the host that owns the node with this UUID.</summary>
    /// <param name="nodeUuid">The node's UUID.</param>
    /// <returns>The host's index.</returns>
    /// <exception cref="InvalidOperationException">The ring is empty.</exception>
    public int HostOf(string nodeUuid) => HostOf(KeyOf(nodeUuid));

    /// <summary>The index of the host that owns the node whose <see cref="KeyOf"/> is <paramref name="key"/>.</summary>
    /// <param name="key">The node's key.</param>
    /// <returns>The host's index.</returns>
    /// <exception cref="InvalidOperationException">The ring is empty.</exception>
    public int HostOf(UInt128 key)
    {
        if (IsEmpty)
        {
            throw new InvalidOperationException("The hash ring has no host.");
        }

        // Python's bisect_right: the first point strictly above the value, wrapping round.
        var position = Array.BinarySearch(points, key);
        position = position >= 0 ? position + 1 : ~position;
        return owners[position < points.Length ? position : 0];
    }
}
