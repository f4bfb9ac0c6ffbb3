using System.Reflection;
using PayrollPortal.Application.Audit;

namespace PayrollPortal.Architecture.Tests;

/// <summary>docs/AUDIT.md is where an operator reads what an audit event's <c>action</c> means; it must name every one.</summary>
public sealed class AuditDocumentationTests
{
    [Fact]
    public void AuditMd_ShouldNameEveryAuditAction()
    {
        var actions = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
        var document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "AUDIT.md"));

        actions.ShouldNotBeEmpty();
        actions.Where(a => !document.Contains($"`{a}`", StringComparison.Ordinal)).ShouldBeEmpty("actions missing from docs/AUDIT.md");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PayrollPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"PayrollPortal.sln not found above {AppContext.BaseDirectory}.");
    }
}
