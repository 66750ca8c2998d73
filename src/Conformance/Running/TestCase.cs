using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// What the planner decided for one operation: its tier, its role, where its ids come from, or why it
/// will not be called, the format it is asked for in, and the values its parameters are given.
/// </summary>
public sealed record TestCase(
    SpecOperation Operation,
    Tier Tier,
    OperationRole Role,
    string? IdSource = null,
    string? SkipReason = null,
    ResponseFormat? Format = null,
    bool DeclaredAbsent = false)
{
    /// <summary>The parameter values its requests carry: given in a vendor profile, or taken from the document.</summary>
    public RequestValues Values { get; init; } = RequestValues.None;
}
