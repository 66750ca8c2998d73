using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// Ids chained from lists to their /{id} endpoints: the ids the list above gave (of the records that qualify for the
/// lookup, where the profile says only some do), else a value the vendor gave, each looked up; a record that is the one
/// asked for is kept whole, by the list that named it, for filters.
/// </summary>
internal sealed class IdChain(RunOptions options, RunSoFar seen, ProbeContext urls)
{
    public async Task<OperationRun> LookUpAsync(TestCase testCase, OperationRequests requests)
    {
        var operation = testCase.Operation;
        var profile = urls.Profile;
        var parameter = TargetUrls.ParameterNames(operation.Path).Last();
        var listed = seen.Listed.GetValueOrDefault(testCase.IdSource!) ?? [];
        var ids = AnswerRecords.IdsFor(listed.Where(record => Qualifies(record, profile.Lookups.FirstOrDefault(l => l.Endpoint == operation.PathTemplate))), parameter);
        if (ids.Count == 0 && AnswerRecords.IdsFor(listed, parameter).Count > 0)
            return new OperationRun(operation, testCase.Tier, testCase.Role, [],
                $"Not applicable: no record GET {testCase.IdSource} lists qualifies for {operation.PathTemplate} ({Conditions(profile, operation)}).",
                testCase.Format, NotApplicable: true);
        // With none listed, a value the vendor gave under path_parameters is looked up instead.
        if (ids.Count == 0 && options.PathValues.TryGetValue(parameter, out var given)) ids = [given];
        if (ids.Count == 0)
            return new OperationRun(operation, testCase.Tier, testCase.Role, [],
                $"No ids to look up: GET {testCase.IdSource} gave no records with a value for {{{parameter}}} (a vendor profile can give one under path_parameters).", testCase.Format);
        foreach (var id in ids.Take(options.IdsPerList))
        {
            var found = (await requests.SendAsync(new ProbeRequest($"id {id} from GET {testCase.IdSource}", urls.Url(operation.Path, id)) { RecordId = id })).Exchange;
            // Only a record that is the one asked for is trusted as the whole form of a listed record.
            if (found.IsSuccess && AnswerRecords.In(found.Json.Node) is { } whole && AnswerRecords.IdOf(whole, parameter) == id)
                (seen.Known.TryGetValue(testCase.IdSource!, out var known) ? known : seen.Known[testCase.IdSource!] = []).Add(whole);
        }
        return new OperationRun(operation, testCase.Tier, testCase.Role, requests.Sent, Format: testCase.Format);
    }

    /// <summary>Whether a listed record has a record at the lookup endpoint (all listed records do, unless the profile says).</summary>
    private static bool Qualifies(JsonObject record, Lookup? lookup) => lookup is null || OnlyWhere.Holds(record, lookup.OnlyWhere);

    private static string Conditions(Profile profile, SpecOperation operation) =>
        string.Join(", ", profile.Lookups.Where(l => l.Endpoint == operation.PathTemplate)
            .SelectMany(l => l.OnlyWhere.Select(c => $"{c.Key}={c.Value?.ToJsonString()}")));
}
