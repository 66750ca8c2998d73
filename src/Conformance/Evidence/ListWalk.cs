namespace Conformance.Evidence;

/// <summary>
/// A list asked for with a query of a check's own, its pages followed from the first until the last (or
/// <see cref="MostPages"/>): what a check needs to see every record a filter returns.
/// </summary>
public static class ListWalk
{
    public const int MostPages = 5;

    /// <summary>The first page's request; each answer asks for the next page while there is one.</summary>
    public static ProbeRequest From(ProbeContext context, string path, long firstPage, string purpose, IReadOnlyList<string> query, object tag)
    {
        var p = context.Profile.Pagination;
        ProbeRequest Page(long page) => new(page > firstPage ? $"{purpose} (page {page})" : purpose,
            context.Url(path, null, [.. query, p is null ? "" : $"{p.PageParameter}={page}"]))
        {
            Tag = tag, Page = p is null ? null : page,
            Then = answer => p is null || !answer.IsSuccess || AnswerRecords.IsLastPage(answer, p) || page + 1 >= firstPage + MostPages
                ? null : Page(page + 1),
        };
        return Page(firstPage);
    }

    /// <summary>Whether the walk's answers reached the list's last page (so a record missing from them is missing from the list).</summary>
    public static bool Complete(IReadOnlyList<Http.Exchange> answers, Standards.Pagination? p) =>
        answers.Count > 0 && answers.All(a => a.IsSuccess) && (p is null || AnswerRecords.IsLastPage(answers[^1], p));
}
