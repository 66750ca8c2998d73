namespace Conformance.Evidence;

/// <summary>A URL the harness built would address a path outside the base URL's: it is never requested.</summary>
public sealed class UnsafeUrlException(string message) : Exception(message);
