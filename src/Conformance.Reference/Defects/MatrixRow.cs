using Conformance.Running;

namespace Conformance.Reference.Defects;

/// <summary>
/// One run of the defect matrix: the reference itself (no defect), a trap or a defect, the worst outcome of
/// every check, and what went wrong with the harness's judgement (a miss or a false blame), if anything.
/// </summary>
public sealed record MatrixRow(
    string Standard,
    Defect? Defect,
    string Verdict,
    IReadOnlyDictionary<string, Outcome> Outcomes,
    IReadOnlyList<string> Problems)
{
    public string Name => Defect?.Name ?? "(reference implementation)";
    public bool Holds => Problems.Count == 0;
}
