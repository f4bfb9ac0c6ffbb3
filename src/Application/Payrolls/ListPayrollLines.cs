using System.Buffers.Text;
using System.Globalization;
using System.Text;
using FluentValidation;
using Mediator;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Application.Payrolls;

/// <summary>A payroll's lines a page at a time, in line order: a generated run of thousands is reviewed without one huge answer.</summary>
[Requires(Access.Viewer)]
public sealed record ListPayrollLines(Guid CompanyId, Guid PayrollId, int Limit = PageLimits.Default, string? Cursor = null)
    : IQuery<Result<Page<PayrollLineDto>>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<ListPayrollLines>
    {
        public Validator()
        {
            RuleFor(x => x.Limit).ValidPageLimit();
            RuleFor(x => x.Cursor).Must(c => c is null || TryDecode(c, out _)).WithErrorCode("paging.cursor_invalid")
                .WithMessage("Cursor is not valid; use the nextCursor of a previous page.");
        }
    }

    public sealed class Handler(IPayrollRepository payrolls, RegimeParts<IPayrollLines> regimes) : IQueryHandler<ListPayrollLines, Result<Page<PayrollLineDto>>>
    {
        public async ValueTask<Result<Page<PayrollLineDto>>> Handle(ListPayrollLines query, CancellationToken cancellationToken)
        {
            if (await payrolls.GetAsync(query.CompanyId, query.PayrollId, cancellationToken) is not { } payroll)
            {
                return PayrollErrors.NotFound;
            }

            var after = query.Cursor is null ? 0 : TryDecode(query.Cursor, out var line) ? line : 0;
            var regime = regimes.For(payroll.Regime);
            var page = payroll.Lines.Where(l => l.LineNumber > after).Take(query.Limit + 1).ToList();
            var more = page.Count > query.Limit;
            var items = page.Take(query.Limit).Select(l => PayrollLineDto.From(l, regime)).ToList();
            return new Page<PayrollLineDto>(items, more ? Encode(items[^1].LineNumber) : null);
        }
    }

    private static string Encode(int lineNumber) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"line:{lineNumber.ToString(CultureInfo.InvariantCulture)}"));

    private static bool TryDecode(string text, out int lineNumber)
    {
        lineNumber = 0;
        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            return decoded.StartsWith("line:", StringComparison.Ordinal)
                   && int.TryParse(decoded.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out lineNumber) && lineNumber > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
