using System.Globalization;
using System.Text.RegularExpressions;
using Conformance.Http;
using Conformance.Running;

namespace Conformance.Reports;

/// <summary>
/// One finding in report.html: its outcome and message and, behind a disclosure, its evidence: each problem found (with
/// where in the body, when a check said so) and the exchange that shows it: request, answer, headers, the start of the
/// body, and a curl line to repeat it.
/// </summary>
internal static partial class HtmlEvidence
{
    public static void Write(HtmlText html, CheckResult finding, string id, IReadOnlyCollection<string> secrets)
    {
        html.Raw($"<div class=\"finding\" id=\"{id}\">")
            .Raw("<h4>").Raw(PlainWords.Tag(finding.Outcome)).Raw(" ").Text(finding.Operation)
            .Raw($" <span class=\"secondary\">({PlainWords.Of(finding.Tier)} endpoint, check </span>").Element("code", finding.Check)
            .Raw("<span class=\"secondary\">)</span></h4>")
            .Element("p", finding.Message);
        if (finding.Details.Count > 0 || finding.Evidence is not null)
        {
            var shown = finding.Evidence is { } e ? $"{e.Method} {e.Purpose}, {(e.Status is { } status ? $"answered {status}" : "no answer")}" : "what was found";
            html.Raw("<details><summary><span>Evidence: ").Text(shown).Raw("</span></summary><div class=\"evidence\">");
            Problems(html, finding.Details);
            if (finding.Evidence is { } exchange) Exchange(html, exchange, id, secrets);
            html.Raw("</div></details>");
        }
        html.Raw("</div>\n");
    }

    /// <summary>
    /// A check's details, one a line. The schema's read "page 1: at /contents/0/name: ..."; those are set out with
    /// where in the body, so a developer can go straight to the value.
    /// </summary>
    private static void Problems(HtmlText html, IReadOnlyList<string> details)
    {
        if (details.Count == 0) return;
        var lines = details.Select(d => AtPointer().Match(d)).ToList();
        if (lines.All(m => !m.Success))
        {
            html.Raw("<ul>");
            foreach (var detail in details) html.Element("li", detail);
            html.Raw("</ul>");
            return;
        }
        html.Raw("<table><caption>Where the problems are</caption><thead><tr><th scope=\"col\">Request</th><th scope=\"col\">Where in the body (JSON Pointer)</th><th scope=\"col\">Problem</th></tr></thead><tbody>");
        foreach (var (detail, match) in details.Zip(lines))
        {
            html.Raw("<tr>");
            if (match.Success)
                html.Cell("Request", match.Groups["purpose"].Value).OpenCell("Where").Element("code", match.Groups["pointer"].Value).Raw("</td>").Cell("Problem", match.Groups["what"].Value);
            else
                html.Raw("<td></td><td></td>").Cell("Problem", detail);
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table>");
    }

    private static void Exchange(HtmlText html, Exchange e, string id, IReadOnlyCollection<string> secrets)
    {
        html.Raw("<h5>The request shown</h5><dl class=\"summary-list\">");
        html.Pair("Why it was sent", e.Purpose);
        html.Pair("Request", $"{e.Method} {e.Url}");
        html.Pair("Credentials sent", e.Anonymous ? "no" : "yes (masked below)");
        if (e.Redirects.Count > 0)
            html.Pair("Redirects followed", string.Join("; ", e.Redirects.Select(r => $"{r.Status} to {r.Location}")));
        if (e.RedirectNotFollowed is { } notFollowed) html.Pair("Redirect not followed", notFollowed);
        html.Pair("Answer", e.Status is { } code ? $"status {code}" : $"none: {e.TransportError ?? "no request was sent"}");
        if (e.ContentType is { } type) html.Pair("Content type", type);
        html.Pair("Time taken", $"{e.Duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
            + (e.Waited > TimeSpan.Zero ? $", after waiting {e.Waited.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s as the server asked (Retry-After)" : ""));
        html.Pair("Body", e.BodyCutAt is { } cap ? $"longer than {ProbeSettings.Describe(cap)}, the most the harness reads"
            : $"{e.Body.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes");
        html.Raw("</dl>");
        Block(html, "Request headers", Headers(e.RequestHeaders));
        if (e.RequestBody is { Length: > 0 }) Block(html, "Request body (its start, as received)", e.RequestExcerpt(secrets));
        if (e.Answered) Block(html, "Response headers", Headers(e.ResponseHeaders));
        if (e.Body.Length > 0) Block(html, "Response body (its start, as received)", e.Excerpt(secrets));
        html.Raw("<h5>Repeat the request</h5>")
            .Raw($"<pre id=\"curl-{id}\">").Text(e.Curl()).Raw("</pre>")
            .Raw($"<button type=\"button\" class=\"button\" data-copy=\"curl-{id}\" hidden>Copy the curl line</button>")
            .Raw($"<span class=\"status\" id=\"curl-{id}-status\" role=\"status\"></span>");
    }

    private static void Block(HtmlText html, string heading, string text) =>
        html.Element("h5", heading).Element("pre", text.Length == 0 ? "(none)" : text);

    private static string Headers(IEnumerable<KeyValuePair<string, string>> headers) =>
        string.Join("\n", headers.Select(h => $"{h.Key}: {h.Value}"));

    [GeneratedRegex("^(?<purpose>.*?): at (?<pointer>/[^ ]*): (?<what>.*)$", RegexOptions.Singleline)]
    private static partial Regex AtPointer();
}
