using Conformance.Reports;

namespace Conformance.Tests.Reports;

public class ReportWriterTests
{
    [Test]
    public void Every_format_has_its_own_name_and_file() =>
        Assert.Multiple(() =>
        {
            Assert.That(ReportWriter.All.Select(r => r.Format), Is.Unique);
            Assert.That(ReportWriter.All.Select(r => r.FileName), Is.Unique);
        });

    [TestCase(null)]
    [TestCase("")]
    public void No_list_chooses_every_format(string? formats) => Assert.That(ReportWriter.Choose(formats), Is.EqualTo(ReportWriter.All));

    [Test]
    public void A_list_chooses_those_formats_by_name() =>
        Assert.That(ReportWriter.Choose(" md,JSON ").Select(r => r.FileName), Is.EqualTo(new[] { "report.json", "summary.md" }));

    [TestCase("json,pdf", "'pdf'")]
    [TestCase(",", "','")]
    public void An_unknown_name_is_refused_naming_the_known_ones(string formats, string named)
    {
        var error = Assert.Throws<ConfigurationException>(() => ReportWriter.Choose(formats))!;
        Assert.That(error.Message, Does.Contain(named).And.Contain("json, junit, html, md, har"));
    }

    [Test]
    public void The_report_to_open_first_is_the_json_before_the_others_unless_html_was_written()
    {
        WrittenReport Written(string format) => new(format, $"/out/{format}");
        Assert.That(ReportWriter.Main([Written("har"), Written("junit"), Written("json")])!.Format, Is.EqualTo("json"));
        Assert.That(ReportWriter.Main([Written("json"), Written("html")])!.Format, Is.EqualTo("html"));
        Assert.That(ReportWriter.Main([Written("har"), Written("md")])!.Format, Is.EqualTo("md"));
        Assert.That(ReportWriter.Main([]), Is.Null);
    }
}
