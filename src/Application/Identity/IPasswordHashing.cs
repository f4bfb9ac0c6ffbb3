namespace PayrollPortal.Application.Identity;

/// <summary>ASP.NET Core Identity's password hasher behind a port, so use cases stay free of ASP.NET.</summary>
public interface IPasswordHashing
{
    string Hash(string password);

    PasswordCheck Verify(string hash, string password);

    /// <summary>
    /// Spends the time of a real verification against a hash of no account, so an unknown email answers as slowly as a
    /// wrong password.
    /// </summary>
    void VerifyNothing(string password);
}
