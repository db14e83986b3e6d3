using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using IronicCore.Configuration;
using IronicCore.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

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
            if (error.Aborted)
            {
                Abort(context);
            }

            await Respond.Raw(context, error.Status, ErrorBodies.Router(error.Status, error.Message)).ConfigureAwait(false);
        }
    }

    /// <summary>The headers a pecan abort drops: the version headers, and the request id where no middleware sets it.</summary>
    private static void Abort(HttpContext context)
    {
        var headers = context.Response.Headers;
        foreach (var name in headers.Keys.Where(name => name.StartsWith("X-OpenStack-Ironic-API-", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            headers.Remove(name);
        }

        if (!context.RequestServices.GetRequiredService<ApiVersions>().SendsXOpenStackRequestId)
        {
            headers.Remove("Openstack-Request-Id");
        }
    }

    /// <summary>An empty 404 or 405 from routing gets the router's error body.</summary>
    public static Task RouterStatus(HttpContext context) =>
        Respond.Raw(context, context.Response.StatusCode, ErrorBodies.Router(context.Response.StatusCode, string.Empty));
}
