using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Calendars;

namespace PayrollPortal.Api.Endpoints;

/// <summary>The company's holiday list, which moves pay dates off holidays (docs/SCHEDULES.md).</summary>
public static class HolidayEndpoints
{
    public static IEndpointRouteBuilder MapHolidayEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies/{companyId:guid}/holidays").WithTags("Pay schedules");
        group.MapGet("/", GetAsync).WithName("GetHolidays").WithSummary("The company's holidays, in date order.");
        group.MapPut("/", ReplaceAsync).WithName("ReplaceHolidays").Accepts<ReplaceHolidaysRequest>("application/json").Idempotent()
            .WithSummary("Replaces the holiday list as a whole; an empty list clears it.");
        return app;
    }

    public static async Task<Results<Ok<HolidaysDto>, ProblemHttpResult>> GetAsync(
        Guid companyId, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetHolidays(companyId), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static Task<Results<Ok<HolidaysDto>, ProblemHttpResult>> ReplaceAsync(
        Guid companyId, ReplaceHolidaysRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new ReplaceHolidays(companyId, request.Holidays), TypedResults.Ok, cancellationToken);

    public sealed record ReplaceHolidaysRequest(IReadOnlyList<HolidayRequest?>? Holidays);
}
