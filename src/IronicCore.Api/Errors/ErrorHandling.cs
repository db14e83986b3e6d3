using IronicCore.Api.Http;
using IronicCore.Configuration;
using IronicCore.Errors;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Errors;

/// <summary>Turns every typed error into Ironic's status and body; the state was left untouched by whoever threw.</summary>
internal sealed class ErrorHandling(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (IronicException error) when (!context.Response.HasStarted)
        {
            await Respond.Raw(context, error.HttpStatus, ErrorBodies.Fault(error.HttpStatus, error.Message)).ConfigureAwait(false);
        }
        catch (ApiFault error) when (!context.Response.HasStarted)
        {
            await Respond.Raw(context, error.Status, ErrorBodies.Fault(error.Status, error.Message)).ConfigureAwait(false);
        }
        catch (RouterFault error) when (!context.Response.HasStarted)
        {
            await Respond.Raw(context, error.Status, ErrorBodies.Router(error.Status, error.Message)).ConfigureAwait(false);
        }
    }

    /// <summary>An empty 404 or 405 from routing gets the router's error body.</summary>
    public static Task RouterStatus(HttpContext context) =>
        Respond.Raw(context, context.Response.StatusCode, ErrorBodies.Router(context.Response.StatusCode, string.Empty));
}
