using System.Text.RegularExpressions;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Reports;

/// <summary>
/// "What to fix first", the same in report.html, summary.md and wherever else a reader is told what stops a pass: each
/// MUST rule broken on a required endpoint (a fail), one group per rule, the rules broken on most endpoints first, with
/// one example in plain words. The example is the finding's own message and where it was first found (the request and
/// the place in the body); the validator's and the parser's own words stay in the evidence.
/// </summary>
public static partial class FixFirst
{
    /// <param name="Example">The first failing result of the rule, and its place in <see cref="RunResult.Results"/> (which its evidence is found by).</param>
    /// <param name="Where">Where the example was first found, or null where its finding names no place in a body.</param>
    public sealed record Rule(string Clause, Level Level, IReadOnlyList<string> Endpoints, int Results, CheckResult Example, int ExampleIndex, Place? Where);

    /// <summary>A place in an answer: the request ("middle page (2 of 3)") and the JSON Pointer in its body.</summary>
    public sealed record Place(string Request, string Pointer)
    {
        public override string ToString() => $"{Request}, at {Pointer}";
    }

    public static IReadOnlyList<Rule> Of(RunResult result) =>
        result.Results.Select((r, i) => (Result: r, Index: i)).Where(x => x.Result.Outcome == Outcome.Fail)
            .GroupBy(x => x.Result.Clause)
            .Select(g =>
            {
                var (first, index) = g.First();
                return new Rule(g.Key, first.Level, g.Select(x => x.Result.Operation).Distinct().ToList(), g.Count(), first, index, Where(first));
            })
            .OrderByDescending(r => r.Endpoints.Count).ToList();

    /// <summary>
    /// Where a result's first problem is, from its first detail, when the detail says so ("page 1: at /contents/0/name: …"):
    /// the request and the JSON Pointer, without the validator's words after them. Null when the detail names no place.
    /// </summary>
    public static Place? Where(CheckResult result) =>
        result.Details.Count > 0 && AtPointer().Match(result.Details[0]) is { Success: true } at
            ? new Place(at.Groups["purpose"].Value, at.Groups["pointer"].Value)
            : null;

    [GeneratedRegex("^(?<purpose>.*?): at (?<pointer>/[^ ]*): ", RegexOptions.Singleline)]
    private static partial Regex AtPointer();
}
