namespace Conformance.Monitoring;

/// <summary>What one operation covered in a recorded run (see Running.OperationCoverage).</summary>
public sealed record RecordedCoverage(string Operation, string Tier, bool Read, int Requests, int Answered, int RecordsValidated, int IdsLookedUp, string? Gap);
