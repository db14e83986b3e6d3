using Microsoft.AspNetCore.WebUtilities;

namespace IronicCore.Api.Errors;

/// <summary>
/// Ironic's error bodies: <c>error_message</c> is a string holding a second JSON document,
/// written with Python's separators because clients and tests compare it byte for byte.
/// </summary>
internal static class ErrorBodies
{
    /// <summary>A controller's or the conductor's error: faultcode, faultstring, debuginfo.</summary>
    public static string Fault(int status, string message) =>
        Wrap($"{{\"faultcode\": \"{(status >= 500 ? "Server" : "Client")}\", \"faultstring\": {Quote(message)}, \"debuginfo\": null}}");

    /// <summary>A routing, negotiation or body-size error: code, title, description.</summary>
    public static string Router(int status, string description) =>
        Wrap($"{{\"code\": {status}, \"title\": {Quote(ReasonPhrases.GetReasonPhrase(status))}, \"description\": {Quote(description)}}}");

    private static string Wrap(string inner) => $"{{\"error_message\": {Quote(inner)}}}";

    private static string Quote(string text) => PythonJsonText.Quote(text);
}
