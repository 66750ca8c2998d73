namespace Conformance.Reports;

/// <summary>A report file a run wrote, and its format's name; or, with <see cref="Problem"/>, one it could not write and why.</summary>
public sealed record WrittenReport(string Format, string Path, string? Problem = null)
{
    public bool Written => Problem is null;
}
