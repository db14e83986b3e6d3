using System.Text.Encodings.Web;
using System.Text.Json;

namespace IronicCore.Api.Http;

/// <summary>JSON as Ironic writes it: quotes escaped as <c>\"</c>, not <c>\u0022</c>.</summary>
internal static class IronicJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The same escaping for answers written straight to UTF-8; unchecked, as the writers follow the object's shape.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
}
