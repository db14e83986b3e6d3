using IronicCore.Errors;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// An error answer from the BMC that Ironic lets through as sushy raised it (sushy's
/// <c>ServerSideError</c> for HTTP 5xx, <c>AccessError</c> for 401, <c>BadRequestError</c> for 400):
/// Ironic's conductor reports it by its text.
/// </summary>
internal sealed class SushyHttpErrorException(string sushyClass, string message) : IronicException(sushyClass, 500, message)
{
    public override bool IsLibraryError => true;
}
