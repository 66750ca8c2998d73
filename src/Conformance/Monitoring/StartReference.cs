namespace Conformance.Monitoring;

/// <summary>
/// Starts the built-in reference implementation of a standard, for a target whose vendor profile says
/// <c>reference: true</c>. The front end provides it: the reference implementations live outside the library.
/// </summary>
public delegate ReferenceHost StartReference(string standardId);

/// <summary>A started reference implementation: where it listens, and what stops it.</summary>
public sealed record ReferenceHost(Uri Url, IDisposable Server);
