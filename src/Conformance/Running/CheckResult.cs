using Conformance.Http;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>One line of the report: a check, on an operation, under a clause, with its outcome and evidence.</summary>
public sealed record CheckResult(
    string Check,
    string Clause,
    Level Level,
    string Operation,
    Tier Tier,
    Outcome Outcome,
    string Message,
    IReadOnlyList<string> Details,
    Exchange? Evidence);
