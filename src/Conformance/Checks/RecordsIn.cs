using System.Text.Json.Nodes;
using Conformance.Http;
using Conformance.Running;

namespace Conformance.Checks;

/// <summary>The records an ordinary successful answer holds: a page's or list's records, or the one record looked up.</summary>
public static class RecordsIn
{
    public static IEnumerable<(Exchange Exchange, int Index, JsonObject Record)> Run(OperationRun run, CheckContext context) =>
        run.Answered.Where(e => e.IsSuccess && e.Json.Node is not null).SelectMany(e => Of(e, run.Role, context).Select((record, i) => (e, i, record)));

    /// <summary>The records one successful answer holds.</summary>
    public static List<JsonObject> Of(Exchange exchange, OperationRole role, CheckContext context) => role == OperationRole.Item
        ? Runner.RecordIn(exchange.Json.Node) is { } one ? [one] : []
        : Runner.RecordsOn(exchange, context.Profile.Pagination);
}
