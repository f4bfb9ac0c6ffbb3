using System.Reflection;

namespace PayrollPortal.Application.Identity;

/// <summary>Reads a message's <see cref="RequiresAttribute"/>; a message without one is a bug, refused loudly.</summary>
public static class AccessRules
{
    public static Access For(Type messageType) =>
        messageType.GetCustomAttribute<RequiresAttribute>()?.Access
        ?? throw new InvalidOperationException($"{messageType.Name} does not declare who may send it: add [Requires(Access....)].");
}
