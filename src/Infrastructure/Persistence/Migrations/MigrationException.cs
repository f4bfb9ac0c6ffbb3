namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>
/// A migration run that could not go ahead. <see cref="Exception.Message"/> is one line; <see cref="Problems"/> holds one precise
/// line per problem when there are several (each drifted or unknown script, each missing down script).
/// </summary>
public sealed class MigrationException : Exception
{
    public MigrationException(string message, MigrationFailure failure = MigrationFailure.Failed, IReadOnlyList<string>? problems = null, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
        Problems = problems ?? [];
    }

    public MigrationFailure Failure { get; }

    public IReadOnlyList<string> Problems { get; }
}
