namespace PayrollPortal.Application.Identity;

/// <summary>
/// Declares who may send a message. The company rules (<see cref="Access.Viewer"/> and up) need the message to name its
/// company through <see cref="ICompanyScoped"/> or <see cref="IOptionallyCompanyScoped"/>. A message without this attribute
/// is refused by the authorization behaviour (and an architecture test).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class RequiresAttribute(Access access) : Attribute
{
    public Access Access { get; } = access;
}
