using System.Linq.Expressions;
using FluentValidation;
using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Application.Payrolls;

/// <summary>Rules on the lines as a whole, shared by creating a payroll and replacing its lines.</summary>
internal static class PayrollRules
{
    public const int MaxLines = 10_000;

    public static void ValidLines<T>(this AbstractValidator<T> validator, Expression<Func<T, IReadOnlyList<PayrollLineRequest>?>> lines)
    {
        validator.RuleFor(lines).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(PayrollErrors.NoLines.Code).WithMessage(PayrollErrors.NoLines.Message)
            .Must(l => l!.Count > 0).WithErrorCode(PayrollErrors.NoLines.Code).WithMessage(PayrollErrors.NoLines.Message)
            .Must(l => l!.Count <= MaxLines).WithErrorCode("payroll.too_many_lines").WithMessage($"A payroll has at most {MaxLines} lines.");
        var each = Expression.Lambda<Func<T, IEnumerable<PayrollLineRequest>>>(
            Expression.Convert(lines.Body, typeof(IEnumerable<PayrollLineRequest>)), lines.Parameters);
        validator.RuleForEach(each).NotNull().WithErrorCode("payroll.line_required").WithMessage("A line must be an object.")
            .SetValidator(new PayrollLineRequestValidator());
        validator.RuleFor(lines).Custom((items, context) =>
        {
            var seen = new HashSet<Guid>();
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                if (items![i]?.EmployeeId is { } id && !seen.Add(id))
                {
                    var error = PayrollErrors.DuplicateEmployee(i);
                    context.AddFailure(new FluentValidation.Results.ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
                }
            }
        });
    }
}
