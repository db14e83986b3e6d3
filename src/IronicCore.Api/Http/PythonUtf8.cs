using System.Globalization;

namespace IronicCore.Api.Http;

/// <summary>
/// Python's strict UTF-8 decoder as webob's <c>request.json</c> runs it on a body before any JSON
/// parsing: the first invalid sequence, in the words of Python's <c>UnicodeDecodeError</c>.
/// </summary>
internal static class PythonUtf8
{
    /// <summary>Python's message for the first invalid sequence, or null when the bytes are UTF-8.</summary>
    public static string? Error(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length;)
        {
            var lead = bytes[i];
            var (length, low, high) = lead switch
            {
                < 0x80 => (1, 0, 0),
                >= 0xC2 and <= 0xDF => (2, 0x80, 0xBF),
                0xE0 => (3, 0xA0, 0xBF),
                0xED => (3, 0x80, 0x9F),
                >= 0xE1 and <= 0xEF => (3, 0x80, 0xBF),
                0xF0 => (4, 0x90, 0xBF),
                >= 0xF1 and <= 0xF3 => (4, 0x80, 0xBF),
                0xF4 => (4, 0x80, 0x8F),
                _ => (0, 0, 0),
            };
            if (length == 0)
            {
                return Message(lead, i, "invalid start byte");
            }

            // Python checks each continuation byte in turn; the second's range depends on the lead.
            for (var k = 1; k < length; k++)
            {
                if (i + k >= bytes.Length)
                {
                    return k == 1
                        ? Message(lead, i, "unexpected end of data")
                        : string.Create(CultureInfo.InvariantCulture, $"'utf-8' codec can't decode bytes in position {i}-{i + k - 1}: unexpected end of data");
                }

                var b = bytes[i + k];
                var (min, max) = k == 1 ? (low, high) : (0x80, 0xBF);
                if (b < min || b > max)
                {
                    return k == 1
                        ? Message(lead, i, "invalid continuation byte")
                        : string.Create(CultureInfo.InvariantCulture, $"'utf-8' codec can't decode bytes in position {i}-{i + k - 1}: invalid continuation byte");
                }
            }

            i += length;
        }

        return null;
    }

    private static string Message(byte value, int position, string reason) =>
        string.Create(CultureInfo.InvariantCulture, $"'utf-8' codec can't decode byte 0x{value:x2} in position {position}: {reason}");
}
