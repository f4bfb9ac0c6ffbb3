namespace PayrollPortal.Application.Operations;

public interface ISchemaStatusReader
{
    Task<SchemaStatus> ReadAsync(CancellationToken cancellationToken);
}
