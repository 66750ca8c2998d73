using System.Text.Json.Nodes;
using Conformance.Evidence;

namespace Conformance.Running;

/// <summary>
/// What a run has seen so far, shared by its parts: the operations read (in plan order), the records each list gave
/// and those fetched whole by id, each list's pages as judged on arrival, and what the user should be told.
/// </summary>
internal sealed class RunSoFar
{
    public List<OperationRun> Runs { get; } = [];
    public List<string> Notes { get; } = [];
    /// <summary>Records seen on each list, by the list's path: ids are chained from them, filters take values from them.</summary>
    public Dictionary<string, List<JsonObject>> Listed { get; } = [];
    /// <summary>Records fetched whole by id, by the list that named them.</summary>
    public Dictionary<string, List<JsonObject>> Known { get; } = [];
    /// <summary>Each list's pages as judged on arrival, by operation.</summary>
    public Dictionary<string, PageStream> Streams { get; } = [];
}
