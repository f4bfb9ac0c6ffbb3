namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>The text of a <see cref="MigrationClass"/> in <c>migration-classes.txt</c>, the journal and <c>migrate status</c>.</summary>
public static class MigrationClasses
{
    public static string ToText(MigrationClass value) => value == MigrationClass.Expand ? "expand" : "contract";

    public static MigrationClass? FromText(string? text) => text switch
    {
        "expand" => MigrationClass.Expand,
        "contract" => MigrationClass.Contract,
        _ => null,
    };
}
