namespace Conformance.Door;

/// <summary>
/// Starts the built-in reference implementation of a standard, for a run that asks for it (--reference, or a vendor
/// profile's <c>reference: true</c>). The front end gives it to the door: the reference implementations live outside
/// the library (Conformance.Reference's ReferenceImplementations.Starter).
/// </summary>
public delegate StartedReference ReferenceStarter(string standardId);

/// <summary>A started reference implementation: where it listens, and what stops it.</summary>
public sealed record StartedReference(Uri Url, IDisposable Server);
