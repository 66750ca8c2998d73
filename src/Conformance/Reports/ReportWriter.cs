using Conformance.Running;
using Conformance.Text;

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

    /// <summary>
    /// Writes each chosen report, each on its own: one that cannot be written (a reporter that throws, a full disk, a
    /// folder in its place) is returned with its problem and named in <see cref="RunResult.UnwrittenReports"/>, and the
    /// others are still written, then written again so they name it. A report is written whole or not at all: into a
    /// file beside it, then moved into place. Every path is checked to stay inside <paramref name="directory"/>.
    /// </summary>
    public static IReadOnlyList<WrittenReport> WriteAll(RunResult result, string directory, IReadOnlyList<IReporter>? reporters = null)
    {
        var chosen = reporters ?? All;
        var outcomes = chosen.Select(r => TryWrite(r, result, directory)).ToList();
        var unwritten = outcomes.Where(o => !o.Written).ToList();
        if (unwritten.Count == 0) return outcomes;
        result.UnwrittenReports.AddRange(unwritten.Select(o => $"{FileNameOf(o, chosen)} was not written: {o.Problem}"));
        // Written again to name what is missing; a report that fails now keeps what it had (it was moved into place whole).
        for (var i = 0; i < outcomes.Count; i++)
            if (outcomes[i].Written) TryWrite(chosen[i], result, directory);
        return outcomes;
    }

    private static string FileNameOf(WrittenReport report, IReadOnlyList<IReporter> reporters) =>
        reporters.First(r => r.Format == report.Format).FileName;

    private static WrittenReport TryWrite(IReporter reporter, RunResult result, string directory)
    {
        var path = System.IO.Path.Combine(directory, reporter.FileName);
        string? partial = null;
        try
        {
            Directory.CreateDirectory(directory);
            path = Contained.Path(directory, reporter.FileName);
            partial = Contained.Path(directory, reporter.FileName + ".partial");
            using (var writer = new StreamWriter(partial, append: false, new System.Text.UTF8Encoding(false)))
                reporter.Write(result, writer);
            File.Move(partial, path, overwrite: true);
            return new WrittenReport(reporter.Format, path);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            try
            {
                if (partial is not null) File.Delete(partial);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { } // the problem named is the first one
            return new WrittenReport(reporter.Format, path, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The report a reader should open first: HTML where it was written, else the JSON, and so on.</summary>
    public static WrittenReport? Main(IReadOnlyList<WrittenReport> written) =>
        written.Where(w => w.Written).OrderBy(w => Array.IndexOf(MainFirst, w.Format) is var rank and >= 0 ? rank : MainFirst.Length).FirstOrDefault();
}
