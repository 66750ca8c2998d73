using Conformance.Vendors;

namespace Conformance.Door;

/// <summary>
/// Starts the built-in reference implementation of a standard, for a run that asks for it (--reference, or a vendor
/// profile's <c>reference: true</c>). The front end gives it to the door: the reference implementations live outside
/// the library (Conformance.Reference's ReferenceImplementations.Starter).
/// </summary>
public delegate StartedReference ReferenceStarter(string standardId);

/// <summary>A started reference implementation: where it listens, and what stops it.</summary>
/// <param name="Auth">How the reference is reached when the vendor profile gives no credentials (its demo client), if it wants any.</param>
/// <param name="Environment">Where the variables a profile's auth names are read: the process's, then the reference's demo values.</param>
public sealed record StartedReference(Uri Url, IDisposable Server, Auth? Auth = null, Func<string, string?>? Environment = null);
