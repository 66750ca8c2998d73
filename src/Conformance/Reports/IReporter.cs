using Conformance.Running;

namespace Conformance.Reports;

/// <summary>One output format. Reporters only read the result; they never re-run anything.</summary>
public interface IReporter
{
    /// <summary>The name --format picks it by (json, junit, html...).</summary>
    string Format { get; }
    string FileName { get; }
    void Write(RunResult result, TextWriter writer);
}
