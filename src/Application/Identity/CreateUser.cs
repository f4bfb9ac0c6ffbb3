using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// Creates a user: a global <c>admin</c> (no company), or a member of one company with a role. Without a password one is
/// generated and returned once. A company admin may add members to their own company; only the global admin creates admins.
/// When the email already has an account and no password is sent, that account joins the company with the role instead
/// (an accountant serving several companies keeps one sign-in); its password is never touched. <see cref="EmployeeId"/> binds
/// the membership to the company's employee record, whatever the role: the member then sees that employee's payslips. The
/// role <c>employee</c> needs it, and sees nothing else.
/// </summary>
[Requires(Access.CompanyAdmin)]
public sealed record CreateUser(string? Email, string? Password, string? Role, Guid? CompanyId, Guid? EmployeeId = null)
    : ICommand<Result<CreatedUserDto>>, IOptionallyCompanyScoped
{
    public sealed class Validator : AbstractValidator<CreateUser>
    {
        public Validator()
        {
            RuleFor(x => x.Email).Must(Emails.LooksValid).WithErrorCode("user.email_invalid").WithMessage("email must be an email address.");
            RuleFor(x => x.Password).NewPassword(x => x.Email, "password").When(x => x.Password is not null);
            RuleFor(x => x.Role).Must(r => r == CompanyRoles.Admin || CompanyRoles.TryParse(r, out _)).WithErrorCode("user.role_invalid")
                .WithMessage("role must be admin, company_admin, payroll_manager, viewer or employee.");
            RuleFor(x => x.EmployeeId).NotNull().When(x => x.Role == CompanyRoles.Employee).WithErrorCode("user.employee_required")
                .WithMessage("employeeId is required for the employee role: the employee record whose payslips the user sees.");
            RuleFor(x => x.EmployeeId).Null().When(x => x.Role == CompanyRoles.Admin).WithErrorCode("user.admin_has_no_employee")
                .WithMessage("An admin is global: leave employeeId out.");
            RuleFor(x => x.CompanyId).Null().When(x => x.Role == CompanyRoles.Admin).WithErrorCode("user.admin_has_no_company")
                .WithMessage("An admin is global: leave companyId out.");
            RuleFor(x => x.CompanyId).NotNull().When(x => x.Role != CompanyRoles.Admin).WithErrorCode("user.company_required")
                .WithMessage("companyId is required for a company role.");
        }
    }

    public sealed class Handler(
        IUserRepository users, ICompanyQueries companies, Employees.IEmployeeRepository employees, IPasswordHashing hashing, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<CreateUser, Result<CreatedUserDto>>
    {
        public async ValueTask<Result<CreatedUserDto>> Handle(CreateUser command, CancellationToken cancellationToken)
        {
            if (command.CompanyId is { } companyId && await companies.GetAsync(companyId, cancellationToken) is null)
            {
                return CompanyErrors.NotFound;
            }

            if (command.EmployeeId is { } employeeId)
            {
                if (await employees.GetAsync(command.CompanyId!.Value, employeeId, cancellationToken) is null)
                {
                    return IdentityErrors.UnknownEmployee;
                }

                if (await users.EmployeeBoundAsync(command.CompanyId.Value, employeeId, cancellationToken))
                {
                    return IdentityErrors.EmployeeAlreadyBound;
                }
            }

            var email = Emails.Normalize(command.Email!);
            var now = clock.GetUtcNow();
            if (command.CompanyId is { } joining && await users.FindByEmailAsync(email, cancellationToken) is { } existing)
            {
                return command.Password is null
                    ? await AddExistingAsync(existing, joining, CompanyRoles.Parse(command.Role!), command.EmployeeId, now, cancellationToken)
                    : IdentityErrors.EmailTakenSendWithoutPassword;
            }

            var generated = command.Password is null ? SecretTokens.NewPassword() : null;
            var isAdmin = command.Role == CompanyRoles.Admin;
            var user = new NewUser(Guid.CreateVersion7(), email, hashing.Hash(command.Password ?? generated!), isAdmin, now);
            if (!await users.TryAddAsync(user, cancellationToken))
            {
                return command.CompanyId is null ? IdentityErrors.EmailTaken : IdentityErrors.EmailTakenSendWithoutPassword;
            }

            if (command.CompanyId is { } company)
            {
                await users.GrantMembershipAsync(user.Id, company, CompanyRoles.Parse(command.Role!), now, cancellationToken, command.EmployeeId);
            }

            await audit.RecordAsync(new AuditEntry(AuditActions.UserCreated, command.CompanyId, "user", user.Id, new Dictionary<string, object?>
            {
                ["email"] = user.Email,
                ["role"] = command.Role,
                ["employeeId"] = command.EmployeeId,
            }), cancellationToken);
            return new CreatedUserDto(user.Id, user.Email, isAdmin, command.CompanyId, command.Role!, generated);
        }

        private async Task<Result<CreatedUserDto>> AddExistingAsync(
            UserCredentials account, Guid companyId, CompanyRole role, Guid? employeeId, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (account.IsAdmin)
            {
                return IdentityErrors.GlobalAdminNeedsNoMembership;
            }

            var members = await users.MembersForUpdateAsync(companyId, cancellationToken);
            if (members.Any(m => m.UserId == account.Id))
            {
                return IdentityErrors.AlreadyMember;
            }

            await users.GrantMembershipAsync(account.Id, companyId, role, now, cancellationToken, employeeId);
            await audit.RecordAsync(new AuditEntry(AuditActions.MembershipAdded, companyId, "user", account.Id, new Dictionary<string, object?>
            {
                ["email"] = account.Email,
                ["role"] = role.Name(),
                ["employeeId"] = employeeId,
            }), cancellationToken);
            return new CreatedUserDto(account.Id, account.Email, false, companyId, role.Name(), null, ExistingAccount: true);
        }
    }
}
