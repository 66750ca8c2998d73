namespace Conformance.Monitoring;

/// <summary>
/// Starts the built-in reference implementation of a standard, for a target whose vendor profile says
/// <c>reference: true</c>. The front end provides it: the reference implementations live outside the library.
/// </summary>
public delegate ReferenceHost StartReference(string standardId);

/// <summary>A started reference implementation: where it listens, and what stops it.</summary>
/// <param name="Auth">How the reference is reached when the vendor profile gives no credentials (its demo client), if it wants any.</param>
/// <param name="Environment">Where the variables a profile's auth names are read: the process's, then the reference's demo values.</param>
public sealed record ReferenceHost(Uri Url, IDisposable Server, Vendors.Auth? Auth = null, Func<string, string?>? Environment = null);
