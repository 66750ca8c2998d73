namespace Conformance.Drift;

/// <summary>
/// One difference found: the rule, the operation (the standard's, as it writes its path; or the supplier's, for one
/// the standard lacks), where in it (a parameter, a response and a field), and what each document says.
/// </summary>
public sealed record Difference(DriftRule Rule, string Operation, string Where, string Detail)
{
    public override string ToString() => $"{Rule.Id} {Operation} {Where}: {Detail}";
}
