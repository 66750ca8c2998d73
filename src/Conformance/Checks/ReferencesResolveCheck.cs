using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Checks;

/// <summary>
/// Every reference to a record at a version resolves: the named record's endpoint, asked for that version, answers the
/// record with that id at that version (an assigned right's right specification at the version it was issued under, a
/// right specification's places and tariffs, a session's place and its segments' rights). A reference that is not
/// found, or found at another version, breaks the rule.
/// </summary>
public sealed class ReferencesResolveCheck : Check
{
    public const string CheckId = "references-resolve";
    public override string Id => CheckId;
    public override string Title => "Versioned references resolve at their version";

    /// <summary>The most references of one kind looked up: enough to show they resolve, not a crawl.</summary>
    public const int MostPerLink = 10;

    /// <summary>The records are those every list gave: asked last.</summary>
    public override ProbeStage ProbesWhen => ProbeStage.AfterAllOperations;

    private sealed record Lookup(ReferenceLink Link, string Id, long Version);

    private static List<ReferenceLink> LinksOf(OperationRun run, Profile profile) =>
        run.Role == OperationRole.List && run.Operation.Method == "GET" && profile.References is { } r
            ? r.Links.Where(l => l.From == run.Operation.PathTemplate).ToList() : [];

    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
    {
        var links = LinksOf(run, context.Profile);
        if (links.Count == 0 || run.Primary is not { IsSuccess: true }) yield break;
        var references = context.Profile.References!;
        var records = (context.Known.GetValueOrDefault(run.Operation.Path) ?? []).Concat(context.Listed.GetValueOrDefault(run.Operation.Path) ?? []).ToList();
        foreach (var link in links)
        {
            var named = records.SelectMany(r => FilterMatching.Values(r, link.Field)).OfType<JsonObject>()
                .Select(n => (Id: AnswerRecords.IdOf(n, "id"), Version: JsonNumbers.WholeNumber(n[references.Field])))
                .Where(n => n.Id is not null && n.Version is not null).Distinct().Take(MostPerLink);
            foreach (var (id, version) in named)
                yield return new ProbeRequest($"{link.Field} {id} at version {version}", context.Url(link.To, id, $"{Uri.EscapeDataString(references.Parameter)}={version}"))
                    { RecordId = id, Tag = new Lookup(link, id!, version!.Value) };
        }
    }

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var links = LinksOf(run, context.Profile);
        if (links.Count == 0 || run.Primary is not { IsSuccess: true }) yield break;
        var field = context.Profile.References!.Field;
        var looked = OwnRequests(run).Where(r => r.Tag is Lookup).Select(r => ((Lookup)r.Tag!, r.Exchange)).ToList();
        if (looked.Count == 0)
        {
            yield return Skipped(run, $"No record read holds a reference at a version ({string.Join(", ", links.Select(l => l.Field))}).");
            yield break;
        }
        var problems = new List<(Exchange, string)>();
        foreach (var (lookup, answer) in looked)
        {
            var what = $"{lookup.Link.Field} {lookup.Id} at version {lookup.Version}";
            if (!answer.Answered) problems.Add((answer, $"{what} got no answer: {answer.TransportError}"));
            else if (!answer.IsSuccess) problems.Add((answer, $"{what} does not resolve: {lookup.Link.To} answered {answer.Status}"));
            else if (AnswerRecords.In(answer.Json.Node) is not { } record) problems.Add((answer, $"{what}: {lookup.Link.To} answered no record"));
            else if (AnswerRecords.IdOf(record, "id") != lookup.Id) problems.Add((answer, $"{what}: {lookup.Link.To} answered record {AnswerRecords.IdOf(record, "id")}"));
            else if (JsonNumbers.WholeNumber(record[field]) is var version && version != lookup.Version)
                problems.Add((answer, $"{what}: {lookup.Link.To} answered version {version?.ToString() ?? "(none)"}, not the version the reference names"));
        }
        yield return Judge(run, problems, $"{looked.Count} reference(s) ({string.Join(", ", links.Select(l => l.Field))}) each resolve at the version they name.");
    }
}
