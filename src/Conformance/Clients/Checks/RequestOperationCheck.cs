using Conformance.Checks;

namespace Conformance.Clients.Checks;

/// <summary>
/// Every request names an operation of the standard: a path its document gives, with a method that path offers (HEAD as
/// GET). A CORS preflight (OPTIONS) is the browser's, not the client's, and is not judged.
/// </summary>
public sealed class RequestOperationCheck : ClientCheck
{
    public const string CheckId = "request-operation";
    public override string Id => CheckId;
    public override string Title => "Each request is an operation of the standard";

    public override IEnumerable<Finding> Evaluate(IReadOnlyList<ClientExchange> exchanges, ClientContext context)
    {
        var routes = new Routes(context.Spec);
        return PerOperation(exchanges.Where(e => e.Exchange.Method != "OPTIONS"), e => e.Route is not null ? [] :
            [new Problem(routes.KnowsPath(PathOf(e)) ? $"{e.Exchange.Method} is not a method the standard gives that path"
                : "a path the standard does not give", $"{e.Exchange.Method} {context.Quoted(PathOf(e))}",
                Fix: $"ask for the operations of {context.Profile.Name} {context.Profile.Version}, at the stand-in's URL (describe --standard {context.Profile.Id} lists them)")],
            count => $"{Requests(count)}, each a method and path of the standard.");
    }

    private static string PathOf(ClientExchange exchange) => Uri.TryCreate(exchange.Exchange.Url, UriKind.Absolute, out var url) ? url.AbsolutePath : exchange.Exchange.Url;
}
