using Conformance.Running;

namespace Conformance.Reports;

/// <summary>One output format. Reporters only read the result; they never re-run anything.</summary>
public interface IReporter
{
    /// <summary>The name `--format` knows it by (json, html, md, junit, har).</summary>
    string Format { get; }
    string FileName { get; }
    void Write(RunResult result, TextWriter writer);
}
