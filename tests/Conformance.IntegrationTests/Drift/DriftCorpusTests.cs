using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Drift;
using Conformance.Specs;

namespace Conformance.IntegrationTests.Drift;

/// <summary>
/// Successive published versions of real public APIs (corpus/SOURCES.md says where each comes from), the earlier as
/// the standard and the later as the supplier's document: drift finds what each commit broke, and every breaking change
/// the npm tool openapi-diff reports is found by drift at the same operation and response (or request), or the
/// disagreement is explained here.
/// </summary>
public partial class DriftCorpusTests
{
    /// <param name="Breaks">What drift must find that breaks a client of the earlier version: rule, method and path.</param>
    /// <param name="Explained">openapi-diff's breaking changes drift does not share (by operation and part), or why it refused the pair, and why.</param>
    public sealed record Pair(string Folder, string[] Breaks, Dictionary<string, string> Explained);

    private static readonly Pair[] Pairs =
    [
        new("govuk-pay-direct-debit-removed",
            [
                "operation-missing GET /v1/directdebit/mandates/{mandateId}", "operation-missing GET /v1/directdebit/mandates",
                "operation-missing POST /v1/directdebit/mandates", "operation-missing GET /v1/directdebit/payments/{paymentId}",
                "operation-missing GET /v1/directdebit/payments", "operation-missing POST /v1/directdebit/payments",
            ], []),
        // openapi-diff compares no enum (json-schema-diff's KEYWORDS.md: enum unsupported), so a status gaining the value
        // "inactive" in three responses is no change to it; to a client that handles each listed status it is one.
        new("govuk-pay-agreement-status-inactive",
            ["response-enum-widened GET /v1/agreements", "response-enum-widened POST /v1/agreements", "response-enum-widened GET /v1/agreements/{agreementId}"],
            []),
        new("govuk-pay-exemption-reverted", [], new()
        {
            ["GET /v1/payments response 200"] = Undocumented("exemption"),
            ["GET /v1/payments/{paymentId} response 200"] = Undocumented("exemption"),
        }),
        // Both tools blame the same four responses, for different changes: openapi-diff for wallet_type, which the later
        // version no longer defines (compatible to drift, as above), drift for card_type, whose enum [debit, credit, "null"]
        // the later version drops, which openapi-diff cannot see (enum unsupported).
        new("govuk-pay-below-minimum-amount",
            [
                "response-enum-widened GET /v1/agreements", "response-enum-widened POST /v1/agreements",
                "response-enum-widened GET /v1/agreements/{agreementId}", "response-enum-widened POST /v1/payments",
            ], []),
        new("govuk-pay-recurring-payment-property", ["request-value-narrowed POST /v1/auth"], new()
        {
            ["POST /v1/payments request body"] =
                "The later version defines an optional request field, agreement_payment_type, the earlier did not name. openapi-diff reads the " +
                "earlier schema, which allows fields it does not name, as accepting any value there, so naming the field narrows what is " +
                "accepted; drift reads a field the standard does not define as one its clients never send, so adding it is compatible " +
                "(request-field-added). The same commit's POST /v1/auth change (one_time_token now at least one character) both tools call breaking.",
        }),
        // The later version drops GET and POST /api/v1/planning_applications (openapi-diff: path.remove) and puts GET
        // /api/v1/planning_applications/{id} behind a bearer token, which openapi-diff does not compare (security: no).
        new("bops-v1-planning-applications-endpoint",
            [
                "operation-missing GET /api/v1/planning_applications", "operation-missing POST /api/v1/planning_applications",
                "operation-security-added GET /api/v1/planning_applications/{id}",
            ], []),
        // Only an operation added (POST /v3/{regime}/bill-runs): nothing breaks.
        new("defra-charging-module-v0-14-1-to-v0-14-2", [], new()
        {
            ["refused"] =
                "openapi-diff validates each document against the OpenAPI schema first and refuses both versions: a path parameter " +
                "of GET /v2/{regime}/customer-files/{days} lacks required: true. Drift reads published documents leniently, as every " +
                "part of the harness does (a path parameter is required whatever it says), and finds only the added operation.",
        }),
    ];

    private static string Undocumented(string field) =>
        $"The later version no longer defines the optional response field {field}. openapi-diff reads the schema, which allows fields " +
        "it does not name, as now allowing any value there, and calls that breaking; drift calls a field the document leaves undescribed " +
        "compatible (response-field-undocumented): a client of the earlier version is ready for it to be missing, and counting it as " +
        "breaking would fail every supplier whose document leaves out an optional field it does not serve.";

    private static IEnumerable<TestCaseData> Cases() => Pairs.Select(p => new TestCaseData(p).SetArgDisplayNames(p.Folder));

    private static string Folder(Pair pair) => Path.Combine(Checkout.Root, "tests", "Conformance.IntegrationTests", "Drift", "corpus", pair.Folder);

    private static (string Before, string After) Files(Pair pair) =>
        (Directory.GetFiles(Folder(pair), "before.*").Single(), Directory.GetFiles(Folder(pair), "after.*").Single());

    private static (ApiContract Before, DriftReport Report) Compare(Pair pair)
    {
        var (before, after) = Files(pair);
        var loader = new SpecLoader(new SpecSource(new FetchPolicy()));
        var standard = ApiContract.Of(loader.Load(before, []));
        return (standard, DriftComparer.Compare(standard, ApiContract.Of(loader.Load(after, []))));
    }

    [Test]
    public void The_corpus_has_at_least_five_pairs_from_three_repositories_each_recorded()
    {
        var sources = File.ReadAllText(Path.Combine(Checkout.Root, "tests", "Conformance.IntegrationTests", "Drift", "corpus", "SOURCES.md"));
        Assert.That(Pairs, Has.Length.GreaterThanOrEqualTo(5));
        foreach (var pair in Pairs) Assert.That(sources, Does.Contain($"`{pair.Folder}`"), $"{pair.Folder} is not in SOURCES.md");
        Assert.That(Directory.GetDirectories(Path.GetDirectoryName(Folder(Pairs[0]))!).Select(Path.GetFileName), Is.EquivalentTo(Pairs.Select(p => p.Folder)));
    }

    [TestCaseSource(nameof(Cases))]
    public void Drift_finds_what_each_commit_broke(Pair pair)
    {
        var (_, report) = Compare(pair);
        var breaks = report.Differences.Where(d => d.Rule.Kind is DriftKind.Breaking or DriftKind.Unjudged)
            .Select(d => $"{d.Rule.Id} {d.Operation}").Distinct();
        Assert.That(breaks, Is.EquivalentTo(pair.Breaks), string.Join("\n", report.Differences.Where(d => d.Rule.Kind != DriftKind.Documentation)));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Every_breaking_change_openapi_diff_reports_is_found_by_drift_or_explained(Pair pair)
    {
        var (before, after) = Files(pair);
        var theirs = await OpenApiDiffTool.DiffAsync(before, after);
        var unexplained = new List<string>();
        var explained = new HashSet<string>();
        if (theirs["refused"] is { } refusal)
        {
            Assert.That(pair.Explained, Does.ContainKey("refused"), $"openapi-diff refused the pair, unexplained: {refusal}");
            explained.Add("refused");
        }
        else
        {
            var (contract, report) = Compare(pair);
            var breaking = report.Differences.Where(d => d.Rule.Kind == DriftKind.Breaking).ToList();
            // A pair with no change at all is answered without the lists.
            foreach (var difference in (theirs["breakingDifferences"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var location = (difference["sourceSpecEntityDetails"]!.AsArray().FirstOrDefault() ?? difference["destinationSpecEntityDetails"]!.AsArray().First())!["location"]!.GetValue<string>();
                foreach (var (operation, part) in Keys(location, contract))
                {
                    var key = $"{operation}{(part.Length == 0 ? "" : $" {part}")}";
                    if (breaking.Any(d => d.Operation == operation && d.Where.StartsWith(part, StringComparison.Ordinal))) continue;
                    if (pair.Explained.ContainsKey(key)) explained.Add(key);
                    else unexplained.Add($"{difference["code"]} at {key}");
                }
            }
        }
        Assert.That(unexplained, Is.Empty, "breaking changes openapi-diff reports that drift does not find, unexplained");
        Assert.That(explained, Is.EquivalentTo(pair.Explained.Keys), "an explained disagreement that no longer happens");
    }

    /// <summary>
    /// The operations (and the response or request body) an openapi-diff location names: a removed path is each of its
    /// operations in the earlier version.
    /// </summary>
    private static IEnumerable<(string Operation, string Part)> Keys(string location, ApiContract before)
    {
        var match = Location().Match(location);
        Assert.That(match.Success, $"an openapi-diff location drift cannot read: {location}");
        var path = match.Groups["path"].Value;
        if (!match.Groups["method"].Success)
            return before.Operations.Where(o => o.Path == path).Select(o => (o.Id, ""));
        var operation = $"{match.Groups["method"].Value.ToUpperInvariant()} {path}";
        var rest = match.Groups["rest"].Value;
        var part = rest.StartsWith("responses.", StringComparison.Ordinal) ? $"response {rest.Split('.')[1].ToUpperInvariant()}"
            : rest.StartsWith("requestBody", StringComparison.Ordinal) ? "request body" : "";
        return [(operation, part)];
    }

    [GeneratedRegex(@"^paths\.(?<path>/.*?)(?:\.(?<method>get|put|post|delete|options|head|patch|trace)(?:\.(?<rest>.+))?)?$")]
    private static partial Regex Location();
}
