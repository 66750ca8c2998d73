using Conformance.Http;

namespace Conformance.Checks;

/// <summary>
/// The problems a check has found so far, kept in bounded form: per rule, how many there were, how many records or
/// responses they touched and the first occurrence (with its exchange, the evidence); and the first details in the
/// order found. A feed with a fault on every record costs a count, not every page held to the end of the run.
/// </summary>
public sealed class ProblemTally
{
    private readonly Dictionary<string, Rule> _rules = [];
    private readonly List<string> _details = [];

    public int Count { get; private set; }

    public void Add(Exchange exchange, Problem problem)
    {
        Count++;
        if (!_rules.TryGetValue(problem.Rule, out var rule))
            _rules[problem.Rule] = rule = new Rule(problem, exchange, _rules.Count);
        rule.Count++;
        rule.Touched.Add(Fnv64(problem.Record ?? exchange.Url));
        if (_details.Count < Check.MaxDetails) _details.Add($"{exchange.Purpose}: {problem.Detail ?? problem.Rule}");
    }

    public void Add(Exchange exchange, string problem) => Add(exchange, new Problem(problem));

    /// <summary>The rules broken, the most widespread first (ties in the order first found).</summary>
    internal IReadOnlyList<Rule> Rules => _rules.Values.OrderByDescending(r => r.Count).ThenBy(r => r.Order).ToList();

    internal IReadOnlyList<string> Details => _details;

    /// <summary>
    /// Every distinct rule broken, in one message (never hidden behind "and N more"), the most widespread first, each
    /// with how many records (of <paramref name="records"/>) or responses it touched, the value found and the hint.
    /// </summary>
    public string Summary(int? records = null)
    {
        var rules = Rules.Select(g =>
        {
            var first = g.First;
            var touched = g.Touched.Count;
            var where = first.Record is not null && records is > 0 ? $" (in {touched} of {records} record{(records == 1 ? "" : "s")})"
                : first.Record is not null && touched > 1 ? $" (in {touched} records)"
                : touched > 1 ? $" (in {touched} responses)" : "";
            return first.Rule + (first.Found is null ? "" : $"; found {first.Found}") + (first.Fix is null ? "" : $" ({first.Fix})") + where;
        }).ToList();
        return rules.Count == 1 ? rules[0] : $"{rules.Count} problems: {string.Join("; ", rules.Select((r, i) => $"({i + 1}) {r}"))}";
    }

    internal sealed class Rule(Problem first, Exchange evidence, int order)
    {
        public Problem First { get; } = first;
        public Exchange Evidence { get; } = evidence;
        public int Order { get; } = order;
        public int Count { get; set; }
        /// <summary>The records (or responses) it touched, by a 64-bit hash: counting them must not keep their names.</summary>
        public HashSet<ulong> Touched { get; } = [];
    }

    private static ulong Fnv64(string text)
    {
        var hash = 14695981039346656037ul;
        foreach (var c in text) hash = (hash ^ c) * 1099511628211ul;
        return hash;
    }
}
