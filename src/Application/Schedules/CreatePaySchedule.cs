using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Schedules;

namespace PayrollPortal.Application.Schedules;

/// <summary>Adds a pay schedule: weekly, biweekly, semimonthly or monthly, with its pay-date rule (docs/SCHEDULES.md).</summary>
[Requires(Access.PayrollManager)]
public sealed record CreatePaySchedule(
    Guid CompanyId,
    string? Name,
    string? Frequency,
    DateOnly? FirstPeriodStart,
    int? PayDateOffsetDays,
    int? PayDayOfMonth,
    bool? PayInNextMonth) : ICommand<Result<PayScheduleDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<CreatePaySchedule>
    {
        public Validator()
        {
            RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithErrorCode("schedule.name_required").WithMessage("name is required.")
                .Must(n => n!.Trim().Length <= PaySchedule.MaxNameLength).WithErrorCode("schedule.name_too_long")
                .WithMessage($"name must be at most {PaySchedule.MaxNameLength} characters.")
                .Must(n => !UnsafeText.Contains(n)).WithErrorCode("schedule.name_invalid_characters").WithMessage("name " + UnsafeText.Message);
            RuleFor(x => x.Frequency).Cascade(CascadeMode.Stop)
                .NotEmpty().WithErrorCode("schedule.frequency_required").WithMessage("frequency is required.")
                .Must(f => EnumText.TryParse(f, out Domain.Withholding.PayFrequency parsed) && PaySchedule.IsScheduleFrequency(parsed))
                .WithErrorCode("schedule.frequency_invalid").WithMessage("frequency must be weekly, biweekly, semimonthly or monthly.");
            RuleFor(x => x.FirstPeriodStart).NotNull().WithErrorCode("schedule.first_period_start_required").WithMessage("firstPeriodStart is required.");
            RuleFor(x => x.PayDateOffsetDays).InclusiveBetween(0, PaySchedule.MaxOffsetDays).WithErrorCode("schedule.offset_invalid")
                .WithMessage($"payDateOffsetDays must be from 0 to {PaySchedule.MaxOffsetDays}.");
            RuleFor(x => x.PayDayOfMonth).InclusiveBetween(1, 31).WithErrorCode("schedule.pay_day_invalid")
                .WithMessage("payDayOfMonth must be from 1 to 31 (31 is the month's last day).");
            RuleFor(x => x.PayDateOffsetDays).Null().When(x => x.PayDayOfMonth is not null).WithErrorCode("schedule.pay_day_and_offset")
                .WithMessage("Give payDayOfMonth or payDateOffsetDays, not both.");
            RuleFor(x => x.PayInNextMonth).Must(n => n is null or false).When(x => x.PayDayOfMonth is null).WithErrorCode("schedule.next_month_needs_pay_day")
                .WithMessage("payInNextMonth goes with payDayOfMonth.");
        }
    }

    public sealed class Handler(ICompanyQueries companies, IPaySchedules schedules, RegimeParts<IPayRuns> regimes, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<CreatePaySchedule, Result<PayScheduleDto>>
    {
        public async ValueTask<Result<PayScheduleDto>> Handle(CreatePaySchedule command, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(command.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            var frequency = EnumText.ParsePayFrequency(command.Frequency);
            if (regimes.Find(company.Regime) is not { } runs)
            {
                return ScheduleErrors.RegimeWithoutRuns(company.Regime);
            }

            if (!runs.AllowsFrequency(frequency))
            {
                return ScheduleErrors.FrequencyNotAllowed(company.Regime, EnumText.ToText(frequency));
            }

            var created = PaySchedule.Create(
                command.CompanyId, command.Name!, frequency, command.FirstPeriodStart!.Value, command.PayDateOffsetDays ?? 0, command.PayDayOfMonth,
                command.PayInNextMonth ?? false, clock.GetUtcNow());
            if (!created.IsSuccess)
            {
                return Result<PayScheduleDto>.Failure(created.Errors);
            }

            var schedule = created.Value!;
            if (!await schedules.TryAddAsync(schedule, cancellationToken))
            {
                return ScheduleErrors.NameTaken(schedule.Name);
            }

            var dto = PayScheduleDto.From(schedule);
            await audit.RecordAsync(
                new AuditEntry(AuditActions.PayScheduleCreated, schedule.CompanyId, "pay_schedule", schedule.Id, new Dictionary<string, object?>
                {
                    ["name"] = dto.Name,
                    ["frequency"] = dto.Frequency,
                    ["firstPeriodStart"] = dto.FirstPeriodStart,
                    ["payDateOffsetDays"] = dto.PayDateOffsetDays,
                    ["payDayOfMonth"] = dto.PayDayOfMonth,
                    ["payInNextMonth"] = dto.PayInNextMonth,
                }),
                cancellationToken);
            return dto;
        }
    }
}
