using System.Security.Cryptography;
using System.Text;

namespace IronicCore.Scenarios;

/// <summary>
/// RFC 4122 version-5 UUIDs (SHA-1, URL namespace), so a scenario's nodes get the same UUIDs
/// as in the oracle's replay of the same file: <c>uuid5(NAMESPACE_URL, "ironic-sim/{seed}/{name}")</c>.
/// </summary>
internal static class NameBasedUuid
{
    private static readonly Guid UrlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    public static Guid Create(string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        UrlNamespace.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
#pragma warning disable CA5350 // RFC 4122 version 5 is defined on SHA-1; this is naming, not security.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
