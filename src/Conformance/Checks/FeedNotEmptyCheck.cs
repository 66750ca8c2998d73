using System.Text.Json.Nodes;
using Conformance.Evidence;

namespace Conformance.Checks;

/// <summary>
/// A list's first page holds records: an empty feed cannot show that the data conforms. The lists judged are
/// those the profile names as feeds, else every paginated list.
/// </summary>
public sealed class FeedNotEmptyCheck : Check
{
    public const string CheckId = "feed-not-empty";
    public override string Id => CheckId;
    public override string Title => "Feed contains data";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var feeds = context.Profile.Feeds;
        var p = context.Profile.Pagination;
        if (feeds.Count > 0 ? !feeds.Contains(run.Operation.PathTemplate) : run.Role != OperationRole.List || p is null) yield break;
        // The first page, which a feed counting from 0 numbers 0; any other list's one answer.
        var first = run.Reads.FirstOrDefault(r => r.Exchange.Answered && r.Page is not null && r.Page == run.FirstPage)?.Exchange ?? run.Primary;
        var contents = first is { IsSuccess: true }
            ? first.Json.Node switch
            {
                JsonObject body when p is not null => p.RecordsOf(body),
                JsonArray list => list,
                _ => null,
            }
            : null;
        if (contents is null || first is null)
            yield break; // nothing to count: endpoint-answers, pagination-envelope and response-schema say why
        yield return contents.Count > 0
            ? Satisfied(run, $"The first page holds {contents.Count} record(s).", first)
            : Violated(run, $"{run.Operation.Id} holds no records, so its data could not be checked.", [], first);
    }
}
