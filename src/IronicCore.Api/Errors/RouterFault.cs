namespace IronicCore.Api.Errors;

/// <summary>
/// An error from below Ironic's controllers (routing, version negotiation, body size): its
/// body holds <c>code</c>, <c>title</c> and <c>description</c> instead of a faultstring.
/// </summary>
internal sealed class RouterFault(int status, string description) : Exception(description)
{
    public int Status { get; } = status;
}
