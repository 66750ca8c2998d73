using Conformance.Running;

namespace Conformance.Reports;

/// <summary>Writes every report format into one folder.</summary>
public static class ReportWriter
{
    public static IReadOnlyList<IReporter> All { get; } = [new JsonReport(), new JUnitReport(), new HtmlReport()];

    public static IReadOnlyList<string> WriteAll(RunResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var reporter in All)
        {
            var path = Path.Combine(directory, reporter.FileName);
            using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)))
                reporter.Write(result, writer);
            written.Add(path);
        }
        return written;
    }
}
