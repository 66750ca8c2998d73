using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// Ids chained from lists to their /{id} endpoints: the ids the list above gave (of the records that qualify for the
/// lookup, where the profile says only some do), else a value the vendor gave, each looked up (an id that would leave
/// the base path is noted, never asked for); a record that is the one asked for is kept whole, by the list that named
/// it, for filters. With neither, the document's own example is fetched once, as any other operation is.
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
        // With none listed, a value the vendor gave is looked up instead. The document's own example is only fetched, as
        // any other operation is: it names no record the server listed, so its refusal is the harness's problem.
        var values = testCase.Values;
        if (ids.Count == 0 && Given(operation, parameter) is { } given) ids = [given];
        else if (ids.Count == 0 && values.Guessed.Any(g => g.In == "path") && TargetUrls.ParameterNames(operation.Path).All(values.Path.ContainsKey))
        {
            await requests.SendAsync(new ProbeRequest("fetch, with the document's own example",
                TargetUrls.Url(urls.Target, TargetUrls.Fill(operation.Path, values.Path), query: values.QueryString)));
            return new OperationRun(operation, testCase.Tier, OperationRole.Other, requests.Sent, Format: testCase.Format)
                { Guessed = values.Guessed, Headers = values.Headers };
        }
        values = values.WithoutGuessedPath();
        if (ids.Count == 0)
            return new OperationRun(operation, testCase.Tier, testCase.Role, [],
                $"No ids to look up: GET {testCase.IdSource} gave no records with a value for {{{parameter}}} (a vendor profile can give one under path_parameters).", testCase.Format);
        foreach (var id in ids.Take(options.IdsPerList))
        {
            Uri url;
            try
            {
                url = TargetUrls.Url(urls.Target, operation.Path, id, values.QueryString);
            }
            catch (UnsafeUrlException e) // an id such as ".." right under the base: asking for it would leave the base path
            {
                seen.Notes.Add($"{operation.Id}: the id {id} from GET {testCase.IdSource} was not looked up: {e.Message}.");
                continue;
            }
            var found = (await requests.SendAsync(new ProbeRequest($"id {id} from GET {testCase.IdSource}", url) { RecordId = id })).Exchange;
            // Only a record that is the one asked for is trusted as the whole form of a listed record.
            if (found.IsSuccess && AnswerRecords.In(found.Json.Node) is { } whole && AnswerRecords.IdOf(whole, parameter) == id)
                (seen.Known.TryGetValue(testCase.IdSource!, out var known) ? known : seen.Known[testCase.IdSource!] = []).Add(whole);
        }
        return new OperationRun(operation, testCase.Tier, testCase.Role, requests.Sent, Format: testCase.Format)
            { Guessed = values.Guessed, Headers = values.Headers };
    }

    /// <summary>A value the vendor gave for the parameter: for this operation (operation_parameters) over one for all (path_parameters).</summary>
    private string? Given(SpecOperation operation, string parameter) =>
        GivenValues.From(options, []).For(operation)?.GetValueOrDefault(parameter) ?? options.PathValues.GetValueOrDefault(parameter);

    /// <summary>Whether a listed record has a record at the lookup endpoint (all listed records do, unless the profile says).</summary>
    private static bool Qualifies(JsonObject record, Lookup? lookup) => lookup is null || OnlyWhere.Holds(record, lookup.OnlyWhere);

    private static string Conditions(Profile profile, SpecOperation operation) =>
        string.Join(", ", profile.Lookups.Where(l => l.Endpoint == operation.PathTemplate)
            .SelectMany(l => l.OnlyWhere.Select(c => $"{c.Key}={c.Value?.ToJsonString()}")));
}
