namespace PayrollPortal.Application.Identity;

public enum PasswordCheck
{
    Failed,
    Success,

    /// <summary>Correct, but hashed with older parameters: store a new hash.</summary>
    SuccessRehashNeeded,
}
