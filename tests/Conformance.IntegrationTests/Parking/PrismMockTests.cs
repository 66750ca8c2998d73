using System.Text.RegularExpressions;
using Conformance.Checks;
using Conformance.IntegrationTests.AnySpec;
using Conformance.Running;
using Conformance.Specs;

namespace Conformance.IntegrationTests.Parking;

/// <summary>
/// A mock nobody here wrote: Stoplight Prism 5 (npm @stoplight/prism-cli) serving the published NPP document, judged
/// by a real run. It is installed as the any-spec corpus installs it (<see cref="PrismMock"/>), and the test is skipped,
/// with the reason, where npm cannot install it. Every failure must be one of those named here: a
/// spec issue (an erratum), a limit of Prism's generator, or behaviour no schema-generated mock can have.
/// </summary>
[NonParallelizable]
public class PrismMockTests
{
    /// <summary>What a failure may be, each with the reason it is not the harness's misjudgement.</summary>
    private static readonly (Regex Rule, string Why)[] Named =
    [
        (new(@"emissions\.vehicleCharacteristics must be a list; found an object"),
            "spec issue NPP-1.0-E6: the document's own example of vehicleCharacteristics is one ValueRange, not a list"),
        (new(@"className must match the pattern"),
            "Prism's static generator writes \"string\" for a patterned string that has no example (DeletedReference.className)"),
        (new(@"must be greater than 0; found -3\.40282"),
            "Prism's static generator writes the lowest float for a number with exclusiveMinimum 0 (it ignores OpenAPI 3.1's numeric exclusiveMinimum)"),
    ];

    private const string DoesNotFilter = "a schema-generated mock answers every list alike: it cannot filter (filters-filter is right to fail it)";

    /// <summary>
    /// What no mock generated from a schema can do, by the check that is right to fail it: each answer is the document's
    /// example, whatever was asked.
    /// </summary>
    private static readonly Dictionary<string, (Regex Message, string Why)> MockLimits = new()
    {
        [FiltersFilterCheck.CheckId] = (new(""), DoesNotFilter),
        [ChangesSinceCheck.CheckId] = (new("^[^;]*a day to come, returned"), "a schema-generated mock answers modified_since with the same example, changed or not (modified-since is right to fail it)"),
        [PageMetaCheck.CheckId] = (new("past the last, holds"), "a schema-generated mock answers every page with the same example page (page-meta is right to fail it)"),
        [ExpandCheck.CheckId] = (new("added"), "a schema-generated mock answers every expand alike (expand is right to fail it)"),
        [OAuth2ScopesCheck.CheckId] = (new("^a request with a token the platform never issued answered 200, not 401$"),
            "Prism checks that a bearer token is there, not that it was issued (oauth2-scopes is right to fail it on a forged token)"),
    };

    [Test]
    public async Task The_mock_of_the_published_document_fails_only_on_named_spec_issues_and_mock_limits()
    {
        var problems = await RunAgainstPrism(SharedFolder.Upstream("apds-npp", "npp", "apds4.yaml"));
        Assert.That(problems.Where(p => p.Why is null).Select(p => p.Problem), Is.Empty, "every failure is named");
        Assert.That(problems.Select(p => p.Why), Has.Some.StartsWith("spec issue NPP-1.0-E6"), "the spec issue is found in the mock's answers");
        TestContext.Out.WriteLine(string.Join("\n", problems.Select(p => $"{p.Problem}\n    → {p.Why}")));
    }

    [Test]
    public async Task The_mock_of_the_document_with_the_errata_applied_fails_only_on_mock_limits()
    {
        var errata = ConformanceRun.DefaultCatalogue().Load("npp-1.0").Errata;
        var spec = new SpecLoader(new SpecSource(new FetchPolicy())).Load(SharedFolder.Upstream("apds-npp", "npp", "apds4.yaml"), errata);
        var corrected = Path.Combine(Directory.CreateTempSubdirectory("npp-errata-").FullName, "apds4-corrected.json");
        File.WriteAllText(corrected, spec.Root.ToJsonString());
        var problems = await RunAgainstPrism(corrected);
        Assert.That(problems.Where(p => p.Why is null).Select(p => p.Problem), Is.Empty, "every failure is named");
        Assert.That(problems.Select(p => p.Why), Has.None.StartsWith("spec issue"), "with the errata applied, no spec issue is left");
        Assert.That(problems.Select(p => p.Why).Distinct(), Does.Contain(DoesNotFilter));
    }

    /// <summary>Each failed result's problems, each with the name it goes by here (null: unnamed, a misjudgement).</summary>
    private static async Task<List<(string Problem, string? Why)>> RunAgainstPrism(string document)
    {
        using var mock = PrismMock.Start(document);
        var result = await ConformanceRun.ExecuteAsync(new RunRequest
        {
            StandardId = "npp-1.0", Target = new Uri(mock.Url),
            // Prism checks that a bearer token is there, not which: any will do.
            Probe = new Http.ProbeSettings { Headers = [new("Authorization", "Bearer prism-accepts-any-token")], Timeout = TimeSpan.FromSeconds(30) },
        }, ConformanceRun.DefaultCatalogue());
        Assert.That(result.Results.Where(r => r.Outcome == Outcome.Error), Is.Empty, "the mock could be judged throughout");
        var problems = new List<(string, string?)>();
        foreach (var failed in result.Results.Where(r => r.Outcome is Outcome.Fail or Outcome.Warning))
        {
            if (MockLimits.TryGetValue(failed.Check, out var limit))
            {
                problems.Add(($"{failed.Check} {failed.Operation}: {failed.Message}", limit.Message.IsMatch(failed.Message) ? limit.Why : null));
                continue;
            }
            var parts = Regex.Match(failed.Message, @"^\d+ problems: (.*)$") is { Success: true } many
                ? Regex.Split(many.Groups[1].Value, @"(?:^|; )\(\d+\) ").Where(p => p.Length > 0) : [failed.Message];
            foreach (var part in parts)
                problems.Add(($"{failed.Check} {failed.Operation}: {part}", Named.FirstOrDefault(n => failed.Check == ResponseSchemaCheck.CheckId && n.Rule.IsMatch(part)).Why));
        }
        return problems;
    }
}
