using System.Reflection;
using PayrollPortal.Application.Audit;
using PayrollPortal.TestSupport;

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
        var document = RepositoryFiles.Read("docs/AUDIT.md");

        actions.ShouldNotBeEmpty();
        actions.Where(a => !document.Contains($"`{a}`", StringComparison.Ordinal)).ShouldBeEmpty("actions missing from docs/AUDIT.md");
    }
}
