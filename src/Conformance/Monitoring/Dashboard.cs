using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Reports;
using Conformance.Text;

namespace Conformance.Monitoring;

/// <summary>
/// dashboard/index.html: one row per supplier, the worst first (then by name): verdict, what changed since its previous
/// run, failures by clause, coverage, time since last pass, the trend over the last runs (with a legend), a link to the
/// run's report. It looks like report.html (the same header bar, type and tags), and on a phone shows a supplier at a
/// time. A static, self-contained page: no script, no fetch (its Content-Security-Policy forbids any), so the output
/// folder can be published as it is. dashboard/dashboard.json holds the same rows, in the same order, for machines.
/// </summary>
public static class Dashboard
{
    public const string Folder = "dashboard";
    public const int TrendLength = 10;

    /// <summary>Rows for each target's latest run, with its trend and last pass from <paramref name="history"/>.</summary>
    public static IReadOnlyList<DashboardRow> Rows(IEnumerable<RunRecord> latest, HistoryDatabase history, string outDir) =>
        latest.OrderBy(r => Rank(r.Verdict)).ThenBy(r => r.Target, StringComparer.Ordinal).Select(run =>
        {
            var recent = history.Runs(run.Target, TrendLength).Where(r => r.StartedAt <= run.StartedAt).ToList();
            if (!recent.Any(r => r.RunKey == run.RunKey)) recent.Insert(0, run); // not recorded (stopped, or history unusable)
            var lastPass = history.LastPassed(run.Target);
            if (run.Passed && (lastPass is null || lastPass < run.StartedAt)) lastPass = run.StartedAt;
            var (covered, planned) = run.ReadsCovered;
            return new DashboardRow
            {
                Target = run.Target, Vendor = run.Vendor, Product = run.Product, Standard = run.Standard, Url = run.Url,
                Verdict = run.Verdict, Status = run.Status.Name(), Message = run.Message,
                FailuresByClause = run.Failures.GroupBy(f => f.Clause).Select(g => new ClauseCount(g.Key, g.Count()))
                    .OrderByDescending(c => c.Count).ThenBy(c => c.Clause, StringComparer.Ordinal).ToList(),
                Warnings = run.Warnings.Count(),
                Covered = covered, Planned = planned,
                LastRun = run.StartedAt, LastPass = lastPass,
                Trend = recent.Take(TrendLength).Reverse().Select(r => new TrendPoint(r.StartedAt, r.Verdict)).ToList(),
                Change = SupplierChange.Of(history.Previous(run.Target, run.StartedAt), run),
                Report = ReportOf(run, outDir),
            };
        }).ToList();

    /// <summary>Worst first: a failure, then no verdict at all, then not enough covered, then warnings, then a clean pass.</summary>
    public static int Rank(string verdict) => verdict switch
    {
        Running.Verdict.Fail => 0,
        Running.Verdict.Error => 1,
        Running.Verdict.Inconclusive => 2,
        Running.Verdict.PassWithWarnings => 3,
        Running.Verdict.Pass => 4,
        _ => 1, // a word history made up is no pass
    };

    /// <summary>report.html where the run wrote one, else report.json; null for a target that wrote nothing, or whose folder (read from history) is not in the output folder.</summary>
    private static string? ReportOf(RunRecord run, string outDir)
    {
        if (run.ReportDir is null || !Contained.IsInside(outDir, Path.Combine(outDir, run.ReportDir))) return null;
        foreach (var name in new[] { "report.html", "report.json" })
            if (File.Exists(Path.Combine(outDir, run.ReportDir, name)))
                return $"../{run.ReportDir.Replace('\\', '/')}/{name}";
        return null;
    }

    /// <summary>Writes index.html and dashboard.json into OUT/dashboard; returns the page's path.</summary>
    public static string Write(IReadOnlyList<DashboardRow> rows, string outDir, DateTimeOffset generated)
    {
        Directory.CreateDirectory(Contained.Path(outDir, Folder));
        var page = Contained.Path(outDir, Folder, "index.html");
        File.WriteAllText(page, Html(rows, generated), new UTF8Encoding(false));
        File.WriteAllText(Contained.Path(outDir, Folder, "dashboard.json"), Json(rows, generated).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return page;
    }

    public static JsonObject Json(IReadOnlyList<DashboardRow> rows, DateTimeOffset generated) => new()
    {
        ["generatedAt"] = generated.ToString("O", CultureInfo.InvariantCulture),
        ["suppliers"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
        {
            ["target"] = r.Target,
            ["vendor"] = r.Vendor,
            ["product"] = r.Product,
            ["standard"] = r.Standard,
            ["url"] = r.Url,
            ["verdict"] = r.Verdict,
            ["status"] = r.Status,
            ["message"] = r.Message,
            ["failuresByClause"] = new JsonArray(r.FailuresByClause.Select(c => (JsonNode)new JsonObject { ["clause"] = c.Clause, ["count"] = c.Count }).ToArray()),
            ["warnings"] = r.Warnings,
            ["coverage"] = new JsonObject { ["covered"] = r.Covered, ["planned"] = r.Planned },
            ["lastRun"] = r.LastRun.ToString("O", CultureInfo.InvariantCulture),
            ["lastPass"] = r.LastPass?.ToString("O", CultureInfo.InvariantCulture),
            ["trend"] = new JsonArray(r.Trend.Select(t => (JsonNode)new JsonObject { ["at"] = t.At.ToString("O", CultureInfo.InvariantCulture), ["verdict"] = t.Verdict }).ToArray()),
            ["changed"] = new JsonObject
            {
                ["state"] = r.Change.State,
                ["previousVerdict"] = r.Change.PreviousVerdict,
                ["previousRun"] = r.Change.PreviousRun?.ToString("O", CultureInfo.InvariantCulture),
                ["newFailures"] = new JsonArray(r.Change.NewFailures.Select(c => (JsonNode)new JsonObject { ["clause"] = c.Clause, ["count"] = c.Count }).ToArray()),
                ["fixed"] = new JsonArray(r.Change.Fixed.Select(c => (JsonNode)new JsonObject { ["clause"] = c.Clause, ["count"] = c.Count }).ToArray()),
                ["stillFailing"] = r.Change.StillFailing,
                ["words"] = r.Change.Words,
            },
            ["report"] = r.Report,
        }).ToArray()),
    };

    public static string Html(IReadOnlyList<DashboardRow> rows, DateTimeOffset generated)
    {
        var html = new HtmlText([]);
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Supplier conformance dashboard</title>\n")
            .Raw("<style>\n").Raw(HtmlPage.Style).Raw("\n").Raw(Style).Raw("\n</style>\n</head>\n<body>\n")
            .Raw("<header class=\"banner\"><div class=\"width\"><p>Conformance <span>supplier dashboard</span></p></div></header>\n")
            .Raw("<div class=\"width\"><main id=\"main\">\n")
            .Raw("<h1><span class=\"caption\">").Text($"Generated {Stamp(generated)}").Raw("</span>Supplier conformance dashboard</h1>\n");
        var counts = rows.GroupBy(r => r.Verdict).OrderBy(g => Rank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        html.Element("p", $"{rows.Count} supplier(s): {string.Join(", ", counts)}. The worst first, then by name.", "lead");
        html.Raw("<p class=\"legend\">Trend: each square is a run, the oldest first: ");
        foreach (var (verdict, i) in Running.Verdict.All.Select((v, i) => (v, i)))
            html.Raw(i == 0 ? "" : ", ").Raw($"<span class=\"sq sq-{verdict}\" aria-hidden=\"true\"></span> ").Text(verdict);
        html.Raw(".</p>\n<table><caption>Each supplier's latest run</caption><thead><tr>")
            .Raw("<th scope=\"col\">Supplier</th><th scope=\"col\">Verdict</th><th scope=\"col\">Changed since the previous run</th>")
            .Raw("<th scope=\"col\">Failures by clause</th><th scope=\"col\">Coverage</th><th scope=\"col\">Last pass</th>")
            .Raw("<th scope=\"col\">Trend</th><th scope=\"col\">Report</th></tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            html.Raw("<tr data-target=\"").Text(row.Target).Raw("\"><th scope=\"row\"><strong>").Text(row.Vendor.Length > 0 ? row.Vendor : row.Target).Raw("</strong> ")
                .Text(row.Product).Raw("<br><span class=\"muted\">").Text(row.Target).Raw(" · ").Text(row.Standard)
                .Text(row.Url.Length > 0 ? " · " + row.Url : "").Raw("</span></th>");
            html.OpenCell("Verdict").Raw($"<strong class=\"verdict tag {TagOf(row.Verdict)}\">").Text(row.Verdict).Raw("</strong>");
            if (row.Status != TargetStatus.Completed.Name() || row.Message is not null)
                html.Raw("<br><span class=\"muted\">").Text(row.Status + (row.Message is null ? "" : ": " + row.Message)).Raw("</span>");
            html.Raw("</td>").OpenCell("Changed", "changed").Raw($"<span class=\"change change-{row.Change.State}\">").Text(row.Change.Words).Raw("</span>");
            Clauses(html, "new", row.Change.NewFailures);
            Clauses(html, "fixed", row.Change.Fixed);
            html.Raw("</td>").OpenCell("Failures by clause");
            if (row.FailuresByClause.Count == 0) html.Raw("none");
            else Clauses(html, null, row.FailuresByClause);
            if (row.Warnings > 0) html.Raw("<span class=\"muted\">").Text($"{row.Warnings} warning(s)").Raw("</span>");
            html.Raw("</td>").Cell("Coverage", row.Planned == 0 ? "—" : $"{row.Covered} of {row.Planned} reads")
                .Cell("Last pass", SinceLastPass(row, generated)).OpenCell("Trend", "trend");
            foreach (var point in row.Trend)
                html.Raw($"<span class=\"sq sq-{(Running.Verdict.All.Contains(point.Verdict) ? point.Verdict : "error")}\" role=\"img\" aria-label=\"")
                    .Text($"{Stamp(point.At)}: {point.Verdict}").Raw("\" title=\"").Text($"{Stamp(point.At)}: {point.Verdict}").Raw("\"></span>");
            html.Raw("</td>");
            if (row.Report is null) html.Cell("Report", "none written");
            else html.OpenCell("Report").Raw("<a href=\"").Text(row.Report).Raw("\">report</a></td>");
            html.Raw("</tr>\n");
        }
        html.Raw("</tbody></table>\n</main></div>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Clause ids, each whole on its line (never broken mid-word), with a count.</summary>
    private static void Clauses(HtmlText html, string? label, IReadOnlyList<ClauseCount> clauses)
    {
        if (clauses.Count == 0) return;
        html.Raw(label is null ? "<ul class=\"clauses\">" : $"<ul class=\"clauses\" aria-label=\"{label}\">");
        foreach (var clause in clauses)
            html.Raw("<li>").Raw(label is null ? "" : $"<span class=\"muted\">{label}</span> ").Raw("<code class=\"clause\">").Text(clause.Clause).Raw("</code> × ")
                .Text(clause.Count.ToString(CultureInfo.InvariantCulture)).Raw("</li>");
        html.Raw("</ul>");
    }

    /// <summary>A verdict's tag, in report.html's colours; a word history made up gets the colour of an error.</summary>
    private static string TagOf(string verdict) => verdict switch
    {
        Running.Verdict.Pass => "tag-pass",
        Running.Verdict.PassWithWarnings => "tag-warning",
        Running.Verdict.Fail => "tag-fail",
        Running.Verdict.Inconclusive => "tag-skipped",
        _ => "tag-error",
    };

    /// <summary>What the dashboard adds to report.html's style: a wider page, the trend's squares, clause ids kept whole.</summary>
    private const string Style = """
        .width { max-width: 1400px; }
        .legend { font-size: 1rem; }
        .muted { color: #505a5f; font-size: 1rem; overflow-wrap: anywhere; }
        .clauses { list-style: none; margin: 0; padding: 0; }
        .clause { white-space: nowrap; font-size: .875rem; }
        .change-first-run, .change-unchanged { color: #505a5f; }
        .change-down, .change-still-down, .change-changed { font-weight: 700; }
        .sq { display: inline-block; width: .9rem; height: .9rem; margin-right: 3px; border: 1px solid #505a5f; vertical-align: middle; }
        .sq-pass { background: #00703c; }
        .sq-pass-with-warnings { background: #f47738; }
        .sq-fail { background: #d4351c; }
        .sq-inconclusive { background: #b1b4b6; }
        .sq-error { background: #0b0c0c; }
        td.trend { white-space: nowrap; }
        @media (max-width: 640px) { td.trend { white-space: normal; } }
        """;

    /// <summary>"passing" when the latest run passed; else how long ago the last pass was, or "never".</summary>
    public static string SinceLastPass(DashboardRow row, DateTimeOffset now)
    {
        if (row.LastPass is not { } pass) return "never";
        if (pass >= row.LastRun) return "passing";
        var ago = now - pass;
        var span = ago.TotalDays >= 2 ? $"{(int)ago.TotalDays} days" : ago.TotalHours >= 2 ? $"{(int)ago.TotalHours} hours" : $"{Math.Max(1, (int)ago.TotalMinutes)} minutes";
        return $"{span} ago ({Stamp(pass)})";
    }

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
