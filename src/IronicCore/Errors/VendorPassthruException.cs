namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>VendorPassthruException</c> (HTTP 500): a vendor passthru method failed with an
/// error that is not Ironic's own (a Python <c>TypeError</c> for arguments the method does not
/// take, say); the message is that error's text.
/// </summary>
public sealed class VendorPassthruException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">The underlying error's text.</param>
    public VendorPassthruException(string reason)
        : base("VendorPassthruException", 500, reason)
    {
        Reason = reason;
    }

    /// <summary>The underlying error's text.</summary>
    public string Reason { get; }
}
