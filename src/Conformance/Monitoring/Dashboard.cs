using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Text;

namespace Conformance.Monitoring;

/// <summary>
/// dashboard/index.html: one row per supplier (standard, verdict, failures by clause, coverage, time since last pass,
/// the trend over the last runs, a link to the run's report). A static, self-contained page: no script, no fetch (its
/// Content-Security-Policy forbids any), so the output folder can be published as it is. dashboard/dashboard.json
/// holds the same rows for machines.
/// </summary>
public static class Dashboard
{
    public const string Folder = "dashboard";
    public const int TrendLength = 10;

    /// <summary>Rows for each target's latest run, with its trend and last pass from <paramref name="history"/>.</summary>
    public static IReadOnlyList<DashboardRow> Rows(IEnumerable<RunRecord> latest, HistoryDatabase history, string outDir) =>
        latest.OrderBy(r => r.Target, StringComparer.Ordinal).Select(run =>
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
                Report = ReportOf(run, outDir),
            };
        }).ToList();

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
            ["report"] = r.Report,
        }).ToArray()),
    };

    public static string Html(IReadOnlyList<DashboardRow> rows, DateTimeOffset generated)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = new StringBuilder();
        html.AppendLine("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Supplier conformance dashboard</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 1px solid #ccc; padding: .4rem .6rem; text-align: left; vertical-align: top; }
            th { background: #f2f2f2; }
            .verdict { font-weight: bold; padding: .1rem .4rem; border-radius: .2rem; white-space: nowrap; }
            .pass { background: #cdeccd; } .pass-with-warnings { background: #fdf0c2; } .fail { background: #f8c9c4; }
            .error, .inconclusive { background: #e0e0e0; }
            .trend span { display: inline-block; width: .8rem; height: .8rem; margin-right: 2px; border: 1px solid #888; }
            .muted { color: #555; font-size: .9em; }
            ul { margin: 0; padding-left: 1rem; }
            </style>
            </head>
            <body>
            <h1>Supplier conformance dashboard</h1>
            """);
        var counts = rows.GroupBy(r => r.Verdict).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        html.AppendLine($"<p>{rows.Count} supplier(s): {E(string.Join(", ", counts))}. Generated {E(Stamp(generated))}.</p>");
        html.AppendLine("""
            <table>
            <thead><tr><th scope="col">Supplier</th><th scope="col">Standard</th><th scope="col">Verdict</th><th scope="col">Failures by clause</th><th scope="col">Coverage</th><th scope="col">Last pass</th><th scope="col">Trend (oldest first)</th><th scope="col">Report</th></tr></thead>
            <tbody>
            """);
        foreach (var row in rows)
        {
            html.Append($"<tr data-target=\"{E(row.Target)}\">");
            html.Append($"<td><strong>{E(row.Vendor.Length > 0 ? row.Vendor : row.Target)}</strong> {E(row.Product)}<br><span class=\"muted\">{E(row.Target)}{(row.Url.Length > 0 ? " · " + E(row.Url) : "")}</span></td>");
            html.Append($"<td>{E(row.Standard)}</td>");
            html.Append($"<td><span class=\"verdict {E(row.Verdict)}\">{E(row.Verdict)}</span>");
            if (row.Status != TargetStatus.Completed.Name() || row.Message is not null)
                html.Append($"<br><span class=\"muted\">{E(row.Status)}{(row.Message is null ? "" : ": " + E(row.Message))}</span>");
            html.Append("</td><td>");
            if (row.FailuresByClause.Count == 0) html.Append("none");
            else html.Append("<ul>").Append(string.Concat(row.FailuresByClause.Select(c => $"<li>{E(c.Clause)} × {c.Count}</li>"))).Append("</ul>");
            if (row.Warnings > 0) html.Append($"<span class=\"muted\">{row.Warnings} warning(s)</span>");
            html.Append("</td>");
            html.Append(row.Planned == 0 ? "<td>—</td>" : $"<td>{row.Covered} of {row.Planned} reads</td>");
            html.Append($"<td>{E(SinceLastPass(row, generated))}</td>");
            html.Append("<td class=\"trend\">").Append(string.Concat(row.Trend.Select(t =>
                $"<span class=\"{E(t.Verdict)}\" title=\"{E(Stamp(t.At))}: {E(t.Verdict)}\"></span>"))).Append("</td>");
            html.Append(row.Report is null ? "<td>none written</td>" : $"<td><a href=\"{E(row.Report)}\">report</a></td>");
            html.AppendLine("</tr>");
        }
        html.AppendLine("</tbody>\n</table>\n</body>\n</html>");
        return html.ToString();
    }

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
