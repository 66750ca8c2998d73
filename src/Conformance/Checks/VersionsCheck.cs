using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Standards;

namespace Conformance.Checks;

/// <summary>
/// Versions are kept as APDS asks (clients manage them): one record, read afresh, is updated naming the version after
/// its latest, which the update must raise it to; then updated again naming the older version, which must be refused
/// as a conflict (409), as must a create with its id, now taken. Writes go only to a test environment with
/// --allow-writes; without, the check says it was not judged. A refusal for want of a scope (401, 403) is the
/// credentials', not the supplier's: the versions are then not judged either.
/// </summary>
public sealed class VersionsCheck : Check
{
    public const string CheckId = "versions";
    public override string Id => CheckId;
    public override string Title => "Updates raise the version; a stale one is a conflict";

    /// <summary>After every other check's requests: the record's versions change.</summary>
    public override ProbeStage ProbesWhen => ProbeStage.AfterAllOperations;

    private enum Step { Before, Update, After, Stale, Duplicate }

    private sealed record Write(Step Step, long Version);

    /// <summary>The endpoint written: the first the profile names that can be updated and has a record the run read.</summary>
    private static string? Chosen(ProbeContext context) => context.Profile.Versions?.Endpoints.FirstOrDefault(e =>
        context.Spec.Find("PUT", e) is not null && TargetUrls.ParentList(e) is { } list
        && (context.Known.GetValueOrDefault(list) ?? []).Concat(context.Listed.GetValueOrDefault(list) ?? []).Any(r => AnswerRecords.IdOf(r, "id") is not null));

    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
    {
        if (!context.WritesAllowed || run.Role != OperationRole.Item || context.Profile.Versions is not { } versions
            || Chosen(context) is not { } endpoint || run.Operation.PathTemplate != endpoint || run.Operation.Method != "GET") yield break;
        var list = TargetUrls.ParentList(endpoint)!;
        var id = (context.Known.GetValueOrDefault(list) ?? []).Concat(context.Listed.GetValueOrDefault(list) ?? [])
            .Select(r => AnswerRecords.IdOf(r, "id")).First(i => i is not null)!;
        var url = context.Url(endpoint, id);
        var canCreate = context.Spec.Find("POST", list) is not null;

        ProbeRequest Put(Step step, JsonObject record, long version, Func<Exchange, ProbeRequest?>? then) =>
            new($"update {id} naming version {version} (--allow-writes)", url)
            {
                RecordId = id, Tag = new Write(step, version), Then = then,
                Write = new JsonWrite("PUT", With(record, versions.Field, version)),
            };

        yield return new ProbeRequest($"{id} before an update", url)
        {
            RecordId = id, Tag = new Write(Step.Before, 0),
            Then = before => AnswerRecords.In(before.IsSuccess ? before.Json.Node : null) is { } record && JsonNumbers.WholeNumber(record[versions.Field]) is { } v and >= 1
                ? Put(Step.Update, record, v + 1, updated => !updated.IsSuccess ? null : new ProbeRequest($"{id} after the update", url)
                {
                    RecordId = id, Tag = new Write(Step.After, v + 1),
                    Then = _ => Put(Step.Stale, record, v, _ => !canCreate ? null : new ProbeRequest($"create {id} again (--allow-writes)", context.Url(list))
                    {
                        RecordId = id, Tag = new Write(Step.Duplicate, v + 2),
                        Write = new JsonWrite("POST", With(record, versions.Field, v + 2)),
                    }),
                })
                : null,
        };
    }

    private static string With(JsonObject record, string field, long version)
    {
        var copy = (JsonObject)record.DeepClone();
        copy[field] = version;
        return copy.ToJsonString();
    }

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (run.Role != OperationRole.Item || context.Profile.Versions is not { } versions || !versions.Endpoints.Contains(run.Operation.PathTemplate)) yield break;
        var steps = OwnRequests(run).Where(r => r.Tag is Write).ToDictionary(r => ((Write)r.Tag!).Step, r => (Tag: (Write)r.Tag!, r.Exchange));
        if (steps.Count == 0)
        {
            if (run.Operation.PathTemplate == versions.Endpoints[0])
                yield return Skipped(run, "Versions are judged by updating a record, sent only with --allow-writes to a test environment.");
            yield break;
        }
        var problems = new List<(Exchange, string)>();
        var before = steps[Step.Before].Exchange;
        if (!before.IsSuccess || AnswerRecords.In(before.Json.Node) is not { } record)
        {
            problems.Add((before, $"the record to update could not be read afresh ({before.Status?.ToString() ?? before.TransportError})"));
            yield return Judge(run, problems, "");
            yield break;
        }
        if (JsonNumbers.WholeNumber(record[versions.Field]) is not >= 1)
            problems.Add((before, $"the record's {versions.Field} is {record[versions.Field]?.ToJsonString() ?? "missing"}, not a positive whole number"));
        if (steps.TryGetValue(Step.Update, out var update))
        {
            if (update.Exchange.Status is 401 or 403)
            {
                yield return Skipped(run, $"The update was refused ({update.Exchange.Status}): the credentials given may not write here, so versions were not judged.");
                yield break;
            }
            if (!update.Exchange.IsSuccess)
                problems.Add((update.Exchange, $"an update naming the next version, {update.Tag.Version}, answered {update.Exchange.Status?.ToString() ?? update.Exchange.TransportError}"));
        }
        if (steps.TryGetValue(Step.After, out var after) && AnswerRecords.In(after.Exchange.IsSuccess ? after.Exchange.Json.Node : null) is { } updated
            && JsonNumbers.WholeNumber(updated[versions.Field]) is var now && now != after.Tag.Version)
            problems.Add((after.Exchange, $"after the update the record is at version {now?.ToString() ?? "(none)"}, not {after.Tag.Version}"));
        if (steps.TryGetValue(Step.Stale, out var stale) && stale.Exchange.Status != versions.Conflict)
            problems.Add((stale.Exchange, stale.Exchange.IsSuccess
                ? $"an update naming version {stale.Tag.Version}, older than the latest, was accepted ({stale.Exchange.Status}); a stale update is a conflict ({versions.Conflict})"
                : $"an update naming version {stale.Tag.Version}, older than the latest, answered {stale.Exchange.Status?.ToString() ?? stale.Exchange.TransportError}, not {versions.Conflict}"));
        if (steps.TryGetValue(Step.Duplicate, out var duplicate) && duplicate.Exchange.Status != versions.Conflict)
            problems.Add((duplicate.Exchange, $"creating a record with an id already taken answered {duplicate.Exchange.Status?.ToString() ?? duplicate.Exchange.TransportError}, not {versions.Conflict}"));
        yield return Judge(run, problems, "An update naming the next version raised it; one naming an older version, and a create with a taken id, were conflicts.");
    }
}
