using Conformance.Http;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Reports;

/// <summary>
/// The commonest first-hour mistake: the address given is a web page (the API's documentation, a portal, a login page),
/// not the API. When every successful answer on the required endpoints is HTML, each report says so at the top, in
/// those words, before any finding that follows from it.
/// </summary>
public static class WebPageAnswers
{
    public const string Sentence = "This address answers with a web page, not an API";

    /// <summary>Whether the run's successful answers on its required endpoints (on every endpoint, where none is required) are all web pages.</summary>
    public static bool Of(RunResult result)
    {
        var required = result.Coverage.Where(c => c.Tier == Tier.Required).Select(c => c.Operation).ToHashSet();
        var answers = result.Exchanges.Where(e => e.IsSuccess && (required.Count == 0 || required.Contains(e.Operation))).ToList();
        return answers.Count > 0 && answers.All(WebPage.Is);
    }

    /// <summary>What it means and what to check, after <see cref="Sentence"/>.</summary>
    public static string Advice(RunResult result) =>
        $"every successful answer from {result.Target} on the endpoints the standard requires was HTML. "
        + "Check that the address is the API's base URL, not its documentation, a portal or a login page.";

    /// <summary>The sentence and the advice, as one line.</summary>
    public static string Explained(RunResult result) => $"{Sentence}: {Advice(result)}";
}
