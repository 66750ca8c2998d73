using System.Text;

namespace Conformance.Drift;

/// <summary>
/// The rules section of docs/drift.md, written from <see cref="DriftRules"/> so the page says exactly what the code
/// does: each rule with who it breaks, which way it is read, its clause, and its example pair.
/// </summary>
public static class DriftMarkdown
{
    public const string Start = "<!-- rules:start: written by `conformance drift --rules --out docs/drift.md`; a test checks it is current -->";
    public const string End = "<!-- rules:end -->";

    public static string Rules()
    {
        var md = new StringBuilder();
        md.AppendLine(Start);
        md.AppendLine();
        md.AppendLine("| rule | kind | read as | clause | what it means |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var rule in DriftRules.All)
            md.AppendLine($"| [`{rule.Id}`](#{rule.Id}) | {Kind(rule.Kind)} | {rule.Direction.ToString().ToLowerInvariant()} | `{rule.Clause}` | {rule.Title} |");
        foreach (var clause in DriftClauses.All)
        {
            var rules = DriftRules.All.Where(r => r.Clause == clause.Id).ToList();
            if (rules.Count == 0) continue;
            md.AppendLine();
            md.AppendLine($"### `{clause.Id}` ({clause.Level.ToString().ToUpperInvariant()})");
            md.AppendLine();
            md.AppendLine(clause.Statement);
            foreach (var rule in rules)
            {
                md.AppendLine();
                md.AppendLine($"#### {rule.Id}");
                md.AppendLine();
                md.AppendLine($"**{rule.Title}** ({Kind(rule.Kind)}; {Direction(rule.Direction)}). {rule.Explanation}");
                md.AppendLine();
                var example = rule.Example;
                var where = $"placed in {DriftExamples.Describe(example.Frame)}";
                if (example.OptionalPaths is { Count: > 0 } optional) where += $"; the standard makes {string.Join(", ", optional.Select(p => $"`{p}`"))} optional";
                md.AppendLine($"Example ({where}, unless a whole document is shown):");
                Block(md, "The standard's", example.Standard);
                Block(md, "The supplier's (found)", example.Supplier);
                Block(md, "The standard's, written another way (nothing found but documentation)", example.Equivalent);
            }
        }
        md.AppendLine();
        md.AppendLine(End);
        return md.ToString();
    }

    /// <summary>The page with its rules section replaced by <see cref="Rules"/>.</summary>
    public static string Update(string page)
    {
        var start = page.IndexOf(Start, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start) throw new ConfigurationException($"The page has no rules section to update (a line {Start}, then one {End}).");
        return page[..start] + Rules().TrimEnd('\n') + page[(end + End.Length)..];
    }

    private static void Block(StringBuilder md, string title, string yaml)
    {
        md.AppendLine();
        md.AppendLine($"{title}:");
        md.AppendLine();
        md.AppendLine("```yaml");
        md.AppendLine(yaml.TrimEnd());
        md.AppendLine("```");
    }

    private static string Kind(DriftKind kind) => kind switch
    {
        DriftKind.Breaking => "breaks clients",
        DriftKind.Compatible => "compatible",
        DriftKind.Documentation => "documentation only",
        _ => "cannot be judged",
    };

    private static string Direction(DriftDirection direction) => direction switch
    {
        DriftDirection.Request => "request: may accept more, never demand more",
        DriftDirection.Response => "response: may promise more, never less",
        _ => "operation",
    };
}
