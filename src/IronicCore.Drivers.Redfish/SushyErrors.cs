namespace IronicCore.Drivers.Redfish;

/// <summary>The texts of sushy's errors, as its exceptions print them and Ironic quotes them.</summary>
internal static class SushyErrors
{
    /// <summary>sushy's <c>ConnectionError</c> for a request to an unreachable BMC (the oracle's words for requests' connection failure).</summary>
    public static string Connection(string address, string path)
    {
        var uri = new Uri(address);
        return $"Unable to connect to {address}{path}. Error: HTTPSConnectionPool(host='{uri.Host}', port={uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}): "
            + $"Max retries exceeded with url: {path} (Caused by ConnectTimeoutError: connection to {uri.Host} timed out)";
    }

    /// <summary>
    /// sushy's <c>HTTPError</c> for an error answer: the request, the status, the Redfish error's code,
    /// message and extended information (a Python list of dicts: its strings as <c>repr</c> quotes them).
    /// </summary>
    public static string Http(string method, string url, int status, string code, string message) =>
        $"HTTP {method} {url} returned code {status.ToString(System.Globalization.CultureInfo.InvariantCulture)}. {code}: {message} Extended information: "
        + $"[{{'MessageId': {PythonFormat.Repr(code)}, 'Message': {PythonFormat.Repr(message)}, 'Severity': 'Critical', 'MessageArgs': [], 'Resolution': 'None.'}}]";

    /// <summary>The 401 the BMC answers while it rejects credentials.</summary>
    public static string Unauthorized(string method, string url) =>
        Http(method, url, 401, "Base.1.8.InsufficientPrivilege", "The request requires authentication.");
}
