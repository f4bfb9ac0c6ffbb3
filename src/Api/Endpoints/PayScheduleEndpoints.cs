using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Schedules;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Api.Endpoints;

/// <summary>Pay schedules, their periods, and starting a period's payroll (docs/SCHEDULES.md).</summary>
public static class PayScheduleEndpoints
{
    public static IEndpointRouteBuilder MapPayScheduleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies/{companyId:guid}/pay-schedules").WithTags("Pay schedules");
        group.MapPost("/", CreateAsync).WithName("CreatePaySchedule").Accepts<CreatePayScheduleRequest>("application/json").Idempotent()
            .WithSummary("Adds a weekly, biweekly, semimonthly or monthly schedule with its pay-date rule.");
        group.MapGet("/", ListAsync).WithName("ListPaySchedules");
        group.MapGet("/{scheduleId:guid}/periods", PeriodsAsync).WithName("ListSchedulePeriods")
            .WithSummary("The schedule's periods with pay dates and status (none, draft, approved), from the one containing `from` or the next to run.");
        group.MapPost("/{scheduleId:guid}/runs", StartAsync).WithName("StartPayRun")
            .Accepts<StartRunRequest>("application/json", "text/csv").Idempotent()
            .WithSummary("Starts a period: a draft payroll generated from compensation, hours and proration. Hours come as JSON or as a CSV file.");
        return app;
    }

    public static Task<Results<Created<PayScheduleDto>, ProblemHttpResult>> CreateAsync(
        Guid companyId, CreatePayScheduleRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(
            http,
            new CreatePaySchedule(companyId, request.Name, request.Frequency, request.FirstPeriodStart, request.PayDateOffsetDays, request.PayDayOfMonth, request.PayInNextMonth),
            schedule => TypedResults.Created($"/api/companies/{companyId}/pay-schedules/{schedule.Id}", schedule),
            cancellationToken);

    public static async Task<Results<Ok<Page<PayScheduleDto>>, ProblemHttpResult>> ListAsync(
        Guid companyId, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ListPaySchedules(companyId), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(new Page<PayScheduleDto>(result.Value!, null)) : result.ToProblem(http);
    }

    public static async Task<Results<Ok<SchedulePeriodsDto>, ProblemHttpResult>> PeriodsAsync(
        Guid companyId, Guid scheduleId, ISender sender, HttpContext http, CancellationToken cancellationToken, DateOnly? from = null, int? count = null)
    {
        var result = await sender.Send(new ListSchedulePeriods(companyId, scheduleId, from, count ?? ListSchedulePeriods.DefaultCount), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    /// <summary>
    /// The body is optional: JSON with <c>periodStart</c> and <c>hours</c>, or a CSV hours file (<c>text/csv</c>) with the
    /// period in <c>?periodStart=</c>. Bad CSV rows are all reported before anything runs.
    /// </summary>
    public static async Task<Results<Created<PayRunDto>, ProblemHttpResult>> StartAsync(
        Guid companyId, Guid scheduleId, HttpRequest request, CommandSender sender, IHoursFileReader csv, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        HttpContext http, CancellationToken cancellationToken, DateOnly? periodStart = null)
    {
        IReadOnlyList<HoursRow?>? hours = null;
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (string.Equals(mediaType, "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            var read = await csv.ReadAsync(request.Body, cancellationToken);
            if (!read.IsSuccess)
            {
                return read.ToProblem(http);
            }

            hours = read.Value;
        }
        else if (request.ContentLength is not 0 && mediaType is not null)
        {
            StartRunRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<StartRunRequest>(json.Value.SerializerOptions, cancellationToken);
            }
            catch (JsonException invalid)
            {
                throw new BadHttpRequestException("The request body is not valid JSON for a run.", StatusCodes.Status400BadRequest, invalid);
            }

            periodStart = body?.PeriodStart ?? periodStart;
            hours = body?.Hours;
        }

        return await sender.SendCommandAsync(
            http,
            new StartPayRun(companyId, scheduleId, periodStart, hours),
            run => TypedResults.Created($"/api/companies/{companyId}/payrolls/{run.Id}", run),
            cancellationToken);
    }

    public sealed record CreatePayScheduleRequest(
        string? Name, string? Frequency, DateOnly? FirstPeriodStart, int? PayDateOffsetDays = null, int? PayDayOfMonth = null, bool? PayInNextMonth = null);

    public sealed record StartRunRequest(DateOnly? PeriodStart, IReadOnlyList<HoursRow?>? Hours);
}
