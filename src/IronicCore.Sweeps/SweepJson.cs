using System.Text.Encodings.Web;
using System.Text.Json;

namespace IronicCore.Sweeps;

/// <summary>How the sweep's files are written: indented, and text kept as typed (no \u escapes of '+' or '&lt;').</summary>
internal static class SweepJson
{
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
