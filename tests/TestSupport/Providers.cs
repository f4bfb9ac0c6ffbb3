using PayrollPortal.Infrastructure.Persistence;
using Xunit;

namespace PayrollPortal.TestSupport;

/// <summary>Every test that touches the database is a theory over both providers: <c>[MemberData(nameof(Providers.All), MemberType = typeof(Providers))]</c>.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> All => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);
}
