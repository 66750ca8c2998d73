using Conformance.Checks;
using Conformance.Specs;

namespace Conformance.Clients.Checks;

/// <summary>
/// A body is labelled with a media type its operation takes (the document's request bodies, Swagger's consumes, and a
/// form where the profile lets one carry the query). What a body labelled otherwise meant is not guessed: the checks
/// that read arguments step aside from it, so this check alone owns it.
/// </summary>
public sealed class RequestContentTypeCheck : ClientCheck
{
    public const string CheckId = "request-content-type";
    public override string Id => CheckId;
    public override string Title => "Each body is labelled with a media type its operation takes";

    public override IEnumerable<Finding> Evaluate(IReadOnlyList<ClientExchange> exchanges, ClientContext context)
    {
        var judged = exchanges.Where(e => e.Contract is { } contract && e.Exchange.RequestBody is { Length: > 0 }
                                          && RequestReading.Accepted(contract, context.Profile.Client).Any());
        return PerOperation(judged, e => Problems(e, context), count => $"{Requests(count)} with a body, each labelled with a type the operation takes.");
    }

    private static IEnumerable<Problem> Problems(ClientExchange exchange, ClientContext context)
    {
        var accepted = RequestReading.Accepted(exchange.Contract!, context.Profile.Client).ToList();
        var declared = exchange.Header("Content-Type");
        if (declared is null)
            yield return new Problem("the body has no Content-Type", null, Fix: $"label it {string.Join(" or ", accepted)}");
        else if (!accepted.Any(a => MediaTypes.Covers(a, declared)))
            yield return new Problem($"the body must be labelled {string.Join(" or ", accepted)}", context.Quoted(declared));
    }
}
