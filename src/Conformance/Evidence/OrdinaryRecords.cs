using System.Text.Json.Nodes;
using Conformance.Http;
using Conformance.Standards;

namespace Conformance.Evidence;

/// <summary>The records an ordinary successful answer holds: a page's or list's records, or the one record looked up.</summary>
public static class OrdinaryRecords
{
    public static IEnumerable<(Exchange Exchange, int Index, JsonObject Record)> Run(OperationRun run, Pagination? pagination) =>
        run.Answered.Where(e => e.IsSuccess && e.Json.Node is not null).SelectMany(e => Of(e, run.Role, pagination).Select((record, i) => (e, i, record)));

    /// <summary>The records one successful answer holds.</summary>
    public static List<JsonObject> Of(Exchange exchange, OperationRole role, Pagination? pagination) => role == OperationRole.Item
        ? AnswerRecords.In(exchange.Json.Node) is { } one ? [one] : []
        : AnswerRecords.On(exchange, pagination);
}
