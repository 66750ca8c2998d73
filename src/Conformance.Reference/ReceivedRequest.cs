namespace Conformance.Reference;

/// <summary>A request a reference server received: enough to prove what the harness sent.</summary>
public sealed record ReceivedRequest(string Method, string Url, IReadOnlyDictionary<string, string> Headers, DateTime Received);
