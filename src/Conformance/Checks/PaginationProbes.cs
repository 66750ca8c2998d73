using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;
using System.Text.Json.Nodes;

namespace Conformance.Checks;

/// <summary>The requests about pagination besides the sampled pages, and who judges a record on two pages.</summary>
public static class PaginationProbes
{
    /// <summary>Which of pagination's own requests an answer is.</summary>
    public enum Kind
    {
        /// <summary>A small per_page: is it honoured?</summary>
        SmallPage,
        /// <summary>The page after the last: an empty page or a refusal, never a server error.</summary>
        PastTheEnd,
        /// <summary>A page fetched again because it shared a record with another: was the feed only moving?</summary>
        Confirm,
    }

    /// <summary>Small enough that any feed with three records shows whether per_page is honoured.</summary>
    public const int SmallPerPage = 2;

    /// <summary>The check that owns "a record on two sampled pages" for a list, by which field and comparison.</summary>
    public sealed record OverlapOwner(string Check, string Field, StringComparer Comparer);

    /// <summary>
    /// Who judges a record on two sampled pages of a list: pagination-invariants where the profile cites it; else
    /// ids-unique where the profile names the list's id (a record on two pages is then an id listed twice); else no one.
    /// The pages are fetched again for that check alone.
    /// </summary>
    public static OverlapOwner? OwnerOfOverlaps(Profile profile, string pathTemplate) =>
        profile.ClauseFor(PaginationInvariantsCheck.CheckId) is not null ? new OverlapOwner(PaginationInvariantsCheck.CheckId, "id", StringComparer.OrdinalIgnoreCase)
        : profile.ClauseFor(IdsUniqueCheck.CheckId) is not null && profile.UniqueIdFor(pathTemplate) is { } rule
            ? new OverlapOwner(IdsUniqueCheck.CheckId, rule.Field, rule.Comparer)
            : null;

    /// <summary>The sampled pages of a list: its ordinary reads that are pages and answered with an envelope.</summary>
    public static List<SentRequest> Sampled(OperationRun run) =>
        run.Reads.Where(r => r.Page is not null && r.Exchange is { Answered: true, IsSuccess: true } && r.Exchange.Json.Node is JsonObject).ToList();

    /// <summary>The pages that share a record, fetched again together, for the check that judges overlaps on this list.</summary>
    public static IEnumerable<ProbeRequest> Confirmations(OperationRun run, ProbeContext context, string check)
    {
        if (run.Role != OperationRole.List || context.Profile.Pagination is not { } p
            || OwnerOfOverlaps(context.Profile, run.Operation.PathTemplate) is not { } owner || owner.Check != check) return [];
        return Overlaps(Sampled(run), p, owner.Field, owner.Comparer).SelectMany(o => new[] { o.First, o.Second }).Distinct().Order().Take(6)
            .Select(page => new ProbeRequest("page fetched again", context.PageUrl(run.Operation.Path, page)) { Page = page, Tag = Kind.Confirm });
    }

    /// <summary>Ids that appear on two of the given pages, with the pages they appear on.</summary>
    public static IEnumerable<(string Id, long First, long Second)> Overlaps(IEnumerable<SentRequest> pages, Pagination p, string field, StringComparer comparer)
    {
        var seen = new Dictionary<string, long>(comparer);
        foreach (var page in pages)
            foreach (var id in AnswerRecords.On(page.Exchange, p).Select(r => r[field] is JsonValue v ? JsonText.Of(v) : null).OfType<string>().Distinct(comparer))
                if (seen.TryGetValue(id, out var other) && other != page.Page) yield return (id, other, page.Page!.Value);
                else seen[id] = page.Page!.Value;
    }

    /// <summary>
    /// Ids on two sampled pages of a list that the owner's confirming requests (<paramref name="owned"/>: the pages
    /// fetched again together) still show on two pages; without such requests every overlap stands. Each comes with
    /// the later page as evidence.
    /// </summary>
    public static IEnumerable<(string Id, long First, long Second, Exchange Evidence)> ConfirmedOverlaps(OperationRun run, Pagination p, OverlapOwner owner,
        IEnumerable<SentRequest> owned)
    {
        var sampled = Sampled(run);
        var again = owned.Where(r => r.Tag is Kind.Confirm && r.Exchange.IsSuccess).ToList();
        var confirmed = Overlaps(again, p, owner.Field, owner.Comparer).Select(o => o.Id).ToHashSet(owner.Comparer);
        foreach (var (id, first, second) in Overlaps(sampled, p, owner.Field, owner.Comparer))
            if (again.Count == 0 || confirmed.Contains(id))
                yield return (id, first, second, sampled.First(r => r.Page == second).Exchange);
    }
}
