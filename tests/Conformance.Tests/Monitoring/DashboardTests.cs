using Conformance.Monitoring;
using static Conformance.Tests.Monitoring.MonitoringFixtures;

namespace Conformance.Tests.Monitoring;

public class DashboardTests
{
    [Test]
    public void A_row_has_failures_by_clause_coverage_last_pass_and_trend_from_history()
    {
        var outDir = TempDir();
        using var history = HistoryDatabase.Open(Path.Combine(outDir, "h.db"));
        history.Record(Run("a", Night1, "pass"));
        history.Record(Run("a", Night1.AddDays(1), "pass-with-warnings"));
        var tonight = Run("a", Night1.AddDays(3), "fail", Result("ids-unique", "fail", clause: "ORUK-3.0/ids"), Result("ids-unique", "fail", "GET /taxonomies", "ORUK-3.0/ids"),
            Result("cors-allow-origin", "fail", clause: "ORUK-3.0/cors"), Result("no-null-fields", "warning")) with
        {
            ReportDir = "targets/a",
            Coverage = [new RecordedCoverage("GET /services", "required", true, 3, 3, 50, 0, null), new RecordedCoverage("GET /services/{id}", "required", true, 0, 0, 0, 0, "never answered")],
        };
        history.Record(tonight);
        Directory.CreateDirectory(Path.Combine(outDir, "targets", "a"));
        File.WriteAllText(Path.Combine(outDir, "targets", "a", "report.json"), "{}");

        var row = Dashboard.Rows([tonight], history, outDir).Single();
        Assert.That(row.FailuresByClause, Is.EqualTo(new[] { new ClauseCount("ORUK-3.0/ids", 2), new ClauseCount("ORUK-3.0/cors", 1) }));
        Assert.That((row.Covered, row.Planned, row.Warnings), Is.EqualTo((1, 2, 1)));
        Assert.That(row.LastPass, Is.EqualTo(Night1.AddDays(1)));
        Assert.That(row.Trend.Select(t => t.Verdict), Is.EqualTo(new[] { "pass", "pass-with-warnings", "fail" }));
        Assert.That(row.Report, Is.EqualTo("../targets/a/report.json"), "report.html is linked only where a run wrote one");
        Assert.That(Dashboard.SinceLastPass(row, Night1.AddDays(4)), Does.StartWith("3 days ago"));

        File.WriteAllText(Path.Combine(outDir, "targets", "a", "report.html"), "<html></html>");
        Assert.That(Dashboard.Rows([tonight], history, outDir).Single().Report, Is.EqualTo("../targets/a/report.html"));
    }

    [Test]
    public void The_page_is_self_contained_and_escapes_what_suppliers_send()
    {
        var outDir = TempDir();
        using var history = HistoryDatabase.Open(Path.Combine(outDir, "h.db"));
        var run = Run("a", Night1, "fail", Result("response-schema", "fail", clause: "<img src=x onerror=alert(1)>")) with { Vendor = "Evil & <Co>" };
        var html = Dashboard.Html(Dashboard.Rows([run], history, outDir), Night1);
        Assert.That(html, Does.Contain("Content-Security-Policy\" content=\"default-src 'none'"));
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<img").And.Not.Contain("<link"));
        Assert.That(html, Does.Not.Match("(src|href)=\"[a-z]+:"), "nothing is fetched from anywhere");
        Assert.That(html, Does.Contain("Evil &amp; &lt;Co&gt;").And.Contain("&lt;img src=x onerror=alert(1)&gt;</code> × 1"));
        Assert.That(html, Does.Contain("none written"), "a run with no report folder has no link");
    }

    [Test]
    public void Time_since_last_pass_reads_passing_never_or_how_long_ago()
    {
        var outDir = TempDir();
        using var history = HistoryDatabase.Open(Path.Combine(outDir, "h.db"));
        var passing = Dashboard.Rows([Run("a", Night1, "pass")], history, outDir).Single();
        var never = Dashboard.Rows([Run("b", Night1, "fail")], history, outDir).Single();
        Assert.That(Dashboard.SinceLastPass(passing, Night1.AddHours(1)), Is.EqualTo("passing"));
        Assert.That(Dashboard.SinceLastPass(never, Night1), Is.EqualTo("never"));
    }
    [Test]
    public void Suppliers_come_worst_first_then_by_name()
    {
        var outDir = TempDir();
        using var history = HistoryDatabase.Open(Path.Combine(outDir, "h.db"));
        var rows = Dashboard.Rows([Run("a", Night1, "pass"), Run("b", Night1, "error"), Run("c", Night1, "fail"), Run("d", Night1, "pass-with-warnings"),
            Run("e", Night1, "fail"), Run("f", Night1, "inconclusive")], history, outDir);
        Assert.That(rows.Select(r => r.Target), Is.EqualTo(new[] { "c", "e", "b", "f", "d", "a" }));
    }

    [Test]
    public void Each_supplier_says_what_changed_since_its_previous_run()
    {
        var outDir = TempDir();
        using var history = HistoryDatabase.Open(Path.Combine(outDir, "h.db"));
        history.Record(Run("worse", Night1, "pass"));
        history.Record(Run("better", Night1, "fail", Result("cors-allow-origin", "fail", clause: "ORUK-3.0/cors"), Result("ids-unique", "fail", clause: "ORUK-3.0/ids")));
        history.Record(Run("down", Night1, "error"));
        history.Record(Run("same", Night1, "pass"));
        var tonight = Night1.AddDays(1);
        var rows = Dashboard.Rows(
        [
            Run("worse", tonight, "fail", Result("cors-allow-origin", "fail", clause: "ORUK-3.0/cors"), Result("cors-allow-origin", "fail", "GET /", "ORUK-3.0/cors")),
            Run("better", tonight, "fail", Result("ids-unique", "fail", clause: "ORUK-3.0/ids")),
            Run("down", tonight, "error"), Run("same", tonight, "pass"), Run("new", tonight, "pass"),
        ], history, outDir).ToDictionary(r => r.Target, r => r.Change);
        Assert.Multiple(() =>
        {
            Assert.That(rows["worse"].Words, Is.EqualTo("2 new failures (was pass)"), rows["worse"].ToString());
            Assert.That(rows["worse"].NewFailures, Is.EqualTo(new[] { new ClauseCount("ORUK-3.0/cors", 2) }));
            Assert.That(rows["better"].Words, Is.EqualTo("1 fixed, 1 still failing"));
            Assert.That(rows["better"].Fixed, Is.EqualTo(new[] { new ClauseCount("ORUK-3.0/cors", 1) }));
            Assert.That(rows["down"].Words, Does.StartWith("still down"));
            Assert.That(rows["down"].State, Is.EqualTo("still-down"));
            Assert.That(rows["same"].Words, Is.EqualTo("no change"));
            Assert.That(rows["new"].Words, Is.EqualTo("first run"));
        });
        var html = Dashboard.Html(Dashboard.Rows([Run("worse", tonight, "fail", Result("cors-allow-origin", "fail", clause: "ORUK-3.0/cors"))], history, outDir), tonight);
        Assert.That(html, Does.Contain("Changed since the previous run").And.Contain("1 new failure"));
        Assert.That(html, Does.Contain("<code class=\"clause\">ORUK-3.0/cors</code>"), "a clause id is kept whole");
        Assert.That(html, Does.Contain("class=\"legend\"").And.Contain("<span class=\"sq sq-fail\" aria-hidden=\"true\"></span> fail"), "the trend's squares explained");
        Assert.That(html, Does.Contain("<header class=\"banner\">"), "the same header bar as report.html");
    }
}
