namespace Conformance.Reference;

/// <summary>A reference implementation's behaviour: method, path and query in, an answer out. Pure: no HTTP.</summary>
public delegate ReferenceResponse Handler(string method, string path, IReadOnlyDictionary<string, string> query);
