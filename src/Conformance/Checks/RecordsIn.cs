using System.Text.Json.Nodes;
using Conformance.Http;
using Conformance.Running;

namespace Conformance.Checks;

/// <summary>The records an ordinary successful answer holds: a page's or list's records, or the one record looked up.</summary>
public static class RecordsIn
{
    public static IEnumerable<(Exchange Exchange, int Index, JsonObject Record)> Run(OperationRun run, CheckContext context) =>
        run.Answered.Where(e => e.IsSuccess && e.Json.Node is not null).SelectMany(e => (run.Role == OperationRole.Item
                ? Runner.RecordIn(e.Json.Node) is { } one ? [one] : []
                : Runner.RecordsOn(e, context.Profile.Pagination))
            .Select((record, i) => (e, i, record)));
}
