using System.Security.Cryptography;

namespace IronicCore.Api.Hosting;

/// <summary>
/// Ironic's request ids, <c>req-</c> and a random (version 4) UUID, as oslo.context makes them.
/// The random bytes are drawn for many ids at a time: a system call for each request's id costs
/// more than answering a node GET from the published view.
/// </summary>
internal static class RequestIds
{
    private const int Batch = 256;
    private const string Prefix = "req-";

    [ThreadStatic]
    private static byte[]? random;

    [ThreadStatic]
    private static int used;

    public static string Next()
    {
        var bytes = random ??= new byte[16 * Batch];
        if (used == 0)
        {
            RandomNumberGenerator.Fill(bytes);
        }

        var id = bytes.AsSpan(used * 16, 16);
        used = (used + 1) % Batch;

        // Version 4 in the top of the third field (stored little-endian), RFC 4122's variant in byte 8.
        id[7] = (byte)((id[7] & 0x0F) | 0x40);
        id[8] = (byte)((id[8] & 0x3F) | 0x80);
        return string.Create(Prefix.Length + 36, new Guid(id), static (text, uuid) =>
        {
            Prefix.CopyTo(text);
            uuid.TryFormat(text[Prefix.Length..], out _);
        });
    }
}
