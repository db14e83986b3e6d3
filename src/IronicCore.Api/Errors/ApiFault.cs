namespace IronicCore.Api.Errors;

/// <summary>
/// An error the API itself raises (Ironic's <c>ClientSideError</c> with its status, or
/// <c>NotAcceptable</c>), answered in the faultstring shape like the conductor's errors.
/// </summary>
internal sealed class ApiFault(int status, string message) : Exception(message)
{
    /// <summary>Ironic's <c>NotAcceptable</c>: a verb, field, filter or path newer than the request's version.</summary>
    public const string NotAcceptableMessage = "Request not acceptable.";

    public int Status { get; } = status;

    public static ApiFault BadRequest(string message) => new(400, message);

    public static ApiFault NotAcceptable() => new(406, NotAcceptableMessage);
}
