namespace Conformance.Reports;

/// <summary>A report file a run wrote, and its format's name.</summary>
public sealed record WrittenReport(string Format, string Path);
