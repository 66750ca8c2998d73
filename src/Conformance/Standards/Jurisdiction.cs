namespace Conformance.Standards;

/// <summary>
/// A query parameter naming which of several jurisdictions a request is for (Open311 jurisdiction_id), and
/// the endpoint where its error handling is probed. Only endpoints serving several jurisdictions need it:
/// a vendor profile that gives the parameter a value declares one.
/// </summary>
public sealed class Jurisdiction
{
    public required string Parameter { get; init; }
    public required string Endpoint { get; init; }
}
