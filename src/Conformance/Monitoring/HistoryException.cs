namespace Conformance.Monitoring;

/// <summary>The history database cannot be used (locked, corrupt, from a newer harness): one sentence naming the file.</summary>
public sealed class HistoryException(string message) : Exception(message);
