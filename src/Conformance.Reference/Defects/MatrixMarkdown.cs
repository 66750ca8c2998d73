using System.Text;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Reference.Defects;

/// <summary>
/// Writes the defect matrix as Markdown (docs/defect-matrix.md): per standard, a row for the reference, each
/// trap and each defect, a column for each check its profile uses. Deterministic, so a stale copy shows.
/// </summary>
public static class MatrixMarkdown
{
    public static string Write(IReadOnlyList<MatrixRow> rows, StandardCatalogue catalogue) => Write(rows, [], catalogue);

    /// <summary>The matrix of servers, then of clients judged by the stand-in (a section of their own, a column for each client check).</summary>
    public static string Write(IReadOnlyList<MatrixRow> rows, IReadOnlyList<ClientMatrixRow> clients, StandardCatalogue catalogue)
    {
        var text = new StringBuilder();
        text.AppendLine("# Defect matrix");
        text.AppendLine();
        text.AppendLine("Written by `conformance defects --matrix --out docs/defect-matrix.md` from real runs of the harness against");
        text.AppendLine("the built-in reference implementations, plain, with each false-fail trap and with each defect of the");
        text.AppendLine("catalogue (`conformance defects` lists them). A test fails if this file is stale or shows a miss or a false blame.");
        text.AppendLine();
        text.AppendLine("**FAIL** / **warn**: caught where it was meant to be · *FAIL (also)*: also caught by a check stating the same rule");
        text.AppendLine("· ✗: a miss or a false blame · `·`: passed · `–`: skipped or not applicable.");
        foreach (var standard in rows.Select(r => r.Standard).Distinct())
        {
            var profile = catalogue.Load(standard);
            var checks = Checks.CheckCatalogue.All.Select(c => c.Id).Where(id => profile.ClauseFor(id) is not null).ToList();
            var ours = rows.Where(r => r.Standard == standard).ToList();
            text.AppendLine();
            text.AppendLine($"## {profile.Name} {profile.Version} (`{standard}`)");
            text.AppendLine();
            text.AppendLine($"{ours.Count(r => r.Defect is { IsTrap: false })} defects, {ours.Count(r => r.Defect is { IsTrap: true })} traps; "
                            + $"{ours.Count(r => r.Holds)} of {ours.Count} runs judged as they must be.");
            text.AppendLine();
            text.AppendLine($"| run | what it does | clause | {string.Join(" | ", checks)} | verdict | judged |");
            text.AppendLine($"|---|---|---|{string.Concat(checks.Select(_ => "---|"))}---|---|");
            foreach (var row in ours)
            {
                var clause = row.Defect?.Check is { } check ? profile.ClauseFor(check)!.Id : "";
                var what = row.Defect?.Breaks ?? "Conforms fully.";
                var cells = checks.Select(c => Cell(row, c));
                text.AppendLine($"| `{row.Name}` | {what} | {clause} | {string.Join(" | ", cells)} | {row.Verdict} | {(row.Holds ? "as it must" : "**WRONG**: " + string.Join("; ", row.Problems).Replace("|", "\\|"))} |");
            }
        }
        if (clients.Count > 0) WriteClients(text, clients, catalogue);
        return text.ToString();
    }

    /// <summary>
    /// Clients of each standard played against its stand-in (docs/clients.md): the conforming client once per scenario, and
    /// one client per defect, each caught where it must be.
    /// </summary>
    private static void WriteClients(StringBuilder text, IReadOnlyList<ClientMatrixRow> clients, StandardCatalogue catalogue)
    {
        text.AppendLine();
        text.AppendLine("## Clients judged by the stand-in");
        text.AppendLine();
        text.AppendLine("Each client of the catalogue talks to its standard's stand-in (`conformance stand-in`), which judges every request it sends");
        text.AppendLine("and plays the scenario's manners. **incomplete**: the scenario was not carried through, as the defect meant (the run is");
        text.AppendLine("inconclusive, never a pass).");
        foreach (var standard in clients.Select(r => r.Client.Standard).Distinct())
        {
            var profile = catalogue.Load(standard);
            var checks = Clients.ClientCheckCatalogue.All.Select(c => c.Id).Where(id => profile.ClauseFor(id) is not null).ToList();
            var ours = clients.Where(r => r.Client.Standard == standard).ToList();
            text.AppendLine();
            text.AppendLine($"### Clients of {profile.Name} {profile.Version} (`{standard}`)");
            text.AppendLine();
            text.AppendLine($"{ours.Count(r => !r.Client.MustPass)} defective clients, {ours.Count(r => r.Client.MustPass)} conforming; "
                            + $"{ours.Count(r => r.Holds)} of {ours.Count} runs judged as they must be.");
            text.AppendLine();
            text.AppendLine($"| client | scenario | what it does | clause | {string.Join(" | ", checks)} | verdict | judged |");
            text.AppendLine($"|---|---|---|---|{string.Concat(checks.Select(_ => "---|"))}---|---|");
            foreach (var row in ours)
            {
                var clause = row.Client.Check is { } check ? profile.ClauseFor(check)!.Id : "";
                text.AppendLine($"| `{row.Client.Name}` | `{row.Client.Scenario}` | {row.Client.Breaks} | {clause} | {string.Join(" | ", checks.Select(c => ClientCell(row, c)))} | {row.Verdict} | "
                                + $"{(row.Holds ? "as it must" : "**WRONG**: " + string.Join("; ", row.Problems).Replace("|", "\\|"))} |");
            }
        }
    }

    private static string ClientCell(ClientMatrixRow row, string check)
    {
        if (!row.Outcomes.TryGetValue(check, out var outcome)) return "–";
        var meant = row.Client.Check == check;
        if (outcome is Outcome.Pass or Outcome.Info) return meant ? "✗ ·" : "·";
        var word = outcome switch { Outcome.Fail => "FAIL", Outcome.Warning => "warn", Outcome.Skipped => "incomplete", _ => "error" };
        if (meant) return outcome == row.Client.Expected ? $"**{word}**" : $"✗ {word}";
        return outcome == Outcome.Skipped ? word : row.Client.AlsoCaughtBy.ContainsKey(check) ? $"*{word} (also)*" : $"✗ {word}";
    }

    private static string Cell(MatrixRow row, string check)
    {
        if (!row.Outcomes.TryGetValue(check, out var outcome) || outcome is Outcome.Skipped) return "–";
        // Information (e.g. stale data, which depends on today's date) is never a blame: shown as a pass.
        if (outcome is Outcome.Pass or Outcome.Info) return row.Defect?.Check == check ? "✗ ·" : "·";
        var word = outcome switch { Outcome.Fail => "FAIL", Outcome.Warning => "warn", _ => "error" };
        if (row.Defect?.Check == check) return outcome == row.Defect.Expected ? $"**{word}**" : $"✗ {word}";
        return row.Defect?.AlsoCaughtBy.ContainsKey(check) == true ? $"*{word} (also)*" : $"✗ {word}";
    }
}
