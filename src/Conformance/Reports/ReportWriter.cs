using Conformance.Running;

namespace Conformance.Reports;

/// <summary>Writes the chosen report formats into one folder; `--format` names them by <see cref="IReporter.Format"/>.</summary>
public static class ReportWriter
{
    public static IReadOnlyList<IReporter> All { get; } = [new JsonReport(), new JUnitReport(), new HtmlReport(), new MarkdownReport(), new HarReport()];

    /// <summary>Which written report the console names last: the first of these that was written.</summary>
    private static readonly string[] MainFirst = ["html", "json", "md", "junit", "har"];

    /// <summary>
    /// The reporters a comma-separated list names (all when it is null or empty), in the order of <see cref="All"/>;
    /// an unknown name is a <see cref="ConfigurationException"/> that lists the known ones.
    /// </summary>
    public static IReadOnlyList<IReporter> Choose(string? formats)
    {
        if (string.IsNullOrWhiteSpace(formats)) return All;
        var names = formats.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = names.Where(n => All.All(r => !r.Format.Equals(n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0 || names.Length == 0)
            throw new ConfigurationException(
                $"--format takes a comma-separated list of {string.Join(", ", All.Select(r => r.Format))}; '{string.Join("', '", unknown.DefaultIfEmpty(formats))}' is not one.");
        return All.Where(r => names.Contains(r.Format, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    public static IReadOnlyList<WrittenReport> WriteAll(RunResult result, string directory, IReadOnlyList<IReporter>? reporters = null)
    {
        Directory.CreateDirectory(directory);
        var written = new List<WrittenReport>();
        foreach (var reporter in reporters ?? All)
        {
            var path = Path.Combine(directory, reporter.FileName);
            using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)))
                reporter.Write(result, writer);
            written.Add(new WrittenReport(reporter.Format, path));
        }
        return written;
    }

    /// <summary>The report a reader should open first: HTML where it was written, else the JSON, and so on.</summary>
    public static WrittenReport? Main(IReadOnlyList<WrittenReport> written) =>
        written.OrderBy(w => Array.IndexOf(MainFirst, w.Format) is var rank and >= 0 ? rank : MainFirst.Length).FirstOrDefault();
}
