using Conformance.Http;

namespace Conformance.Checks;

/// <summary>A check's conclusion about one operation, with the exchange that shows it.</summary>
public sealed record Finding(
    string Check,
    string Operation,
    FindingKind Kind,
    string Message,
    IReadOnlyList<string> Details,
    Exchange? Evidence);
