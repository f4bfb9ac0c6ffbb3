namespace PayrollPortal.Application.Imports;

/// <summary>An uploaded file as received: its format, its bytes (at most <c>MAX_IMPORT_BYTES</c>) and their SHA-256 in hex.</summary>
public sealed record ImportFile(ImportFileKind Kind, ReadOnlyMemory<byte> Content, string Sha256);
