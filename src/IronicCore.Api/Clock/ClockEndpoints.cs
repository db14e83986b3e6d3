using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Clock;

/// <summary>
/// <c>/_sim</c>: the simulator's own endpoints, not Ironic's. With the virtual clock, time moves
/// only through <c>POST /_sim/advance {"seconds": N}</c>, running every event due meanwhile.
/// </summary>
internal static class ClockEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/_sim/clock", (HttpContext context, ConductorLoop loop) => Now(context, loop));
        routes.MapPost("/_sim/advance", Advance);
    }

    private static async Task Advance(HttpContext context, ConductorLoop loop, ApiSettings options)
    {
        if (options.Clock != ClockMode.Virtual)
        {
            throw new ApiFault(StatusCodes.Status409Conflict, "The clock is real: time moves with the wall clock. Serve with --clock virtual to advance it.");
        }

        var body = await RequestBody.ReadObjectAsync(context, "advance").ConfigureAwait(false);
        RequestBody.AllowOnly(body, "seconds");
        var seconds = body["seconds"] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : -1;
        if (seconds < 0 || double.IsNaN(seconds) || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            throw ApiFault.BadRequest("seconds must be a non-negative number");
        }

        await loop.Run(s =>
        {
            s.Conductor.Clock.Advance(TimeSpan.FromSeconds(seconds));
            return true;
        }).ConfigureAwait(false);
        await Now(context, loop).ConfigureAwait(false);
    }

    private static async Task Now(HttpContext context, ConductorLoop loop)
    {
        var now = await loop.Run(s => s.Now).ConfigureAwait(false);
        await Respond.Json(context, new JsonObject { ["now"] = Timestamps.Format(now) }).ConfigureAwait(false);
    }
}
