using System.Text.Json.Nodes;

namespace Conformance.Checks;

/// <summary>A list's first page holds records: an empty feed cannot show that the data conforms.</summary>
public sealed class FeedNotEmptyCheck : Check
{
    public override string Id => "feed-not-empty";
    public override string Title => "Feed contains data";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (run.Role != OperationRole.List || context.Profile.Pagination is not { } p) yield break;
        if (run.Primary is not { IsSuccess: true } first || first.Json.Node is not JsonObject body
            || body[p.Contents] is not JsonArray contents)
            yield break; // nothing to count: endpoint-answers and pagination-envelope say why
        yield return contents.Count > 0
            ? Satisfied(run, $"The first page holds {contents.Count} record(s).", first)
            : Violated(run, $"{run.Operation.Id} holds no records, so its data could not be checked.", [], first);
    }
}
