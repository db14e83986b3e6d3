namespace IronicCore.Api.Errors;

/// <summary>
/// An error from below Ironic's controllers (routing, version negotiation, body size): its
/// body holds <c>code</c>, <c>title</c> and <c>description</c> instead of a faultstring.
/// </summary>
internal sealed class RouterFault(int status, string description, bool aborted = false) : Exception(description)
{
    public int Status { get; } = status;

    /// <summary>
    /// Raised while pecan routes (webob's path decoding, a controller's <c>_lookup</c> calling
    /// <c>pecan.abort</c>): the abort replaces the response the hooks had put the version headers and
    /// 21.4's and 2025.1's request id on, so only headers from outside pecan remain (master's request
    /// id middleware).
    /// </summary>
    public bool Aborted { get; } = aborted;
}
