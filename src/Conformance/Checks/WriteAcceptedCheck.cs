using Conformance.Evidence;
using Conformance.Http;
using Conformance.Standards;

namespace Conformance.Checks;

/// <summary>
/// A write the standard defines, made from the profile's recipe (--allow-writes, test environments only), is
/// accepted: a success status, and an answer holding what the standard promises (Open311: the new request's
/// service_request_id, or a token for it). The write is this check's alone: one request, one verdict on it.
/// </summary>
public sealed class WriteAcceptedCheck : Check
{
    public const string CheckId = "write-accepted";
    public override string Id => CheckId;
    public override string Title => "A write the standard defines is accepted";

    /// <summary>The write, once, from the profile's recipe: fixed fields, and fields taken from a record the list gave.</summary>
    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
    {
        if (run.Role != OperationRole.Write || Recipe(run, context.Profile) is not { } recipe) yield break;
        var form = recipe.Form.ToList();
        if (recipe.FormFromRecord is { } from)
        {
            if (Source(run, context.Profile, from, context.Listed) is not { } record) yield break; // Evaluate says why
            form.AddRange(from.Fields.Select(f => KeyValuePair.Create(f.Key, AnswerRecords.IdOf(record, f.Value)!)));
        }
        yield return new ProbeRequest("write (--allow-writes)", context.Url(run.Operation.Path)) { Form = form };
    }

    private static WriteRecipe? Recipe(OperationRun run, Profile profile) =>
        profile.Writes.FirstOrDefault(w => w.Endpoint == run.Operation.PathTemplate && w.Method == run.Operation.Method);

    /// <summary>The list a write's values come from, in the write's own format (/services.{format} → /services.xml).</summary>
    private static string ListOf(OperationRun run, Profile profile, FromRecord from) =>
        profile.Formats is { } formats && run.Format is { } format ? from.List.Replace("{" + formats.Parameter + "}", format.Extension) : from.List;

    private static System.Text.Json.Nodes.JsonObject? Source(OperationRun run, Profile profile, FromRecord from,
        IReadOnlyDictionary<string, List<System.Text.Json.Nodes.JsonObject>> listed) =>
        (listed.GetValueOrDefault(ListOf(run, profile, from)) ?? [])
            .FirstOrDefault(r => OnlyWhere.Holds(r, from.OnlyWhere) && from.Fields.Values.All(f => AnswerRecords.IdOf(r, f) is not null));

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (run.Role != OperationRole.Write || Recipe(run, context.Profile) is not { } recipe) yield break;
        if (OwnRequests(run).FirstOrDefault()?.Exchange is not { } write)
        {
            if (recipe.FormFromRecord is { } from)
                yield return Skipped(run, $"No record from GET {ListOf(run, context.Profile, from)} can supply {string.Join(", ", from.Fields.Keys)} for the write.");
            yield break;
        }
        // A write refused for want of credentials the harness was never given says nothing about the vendor: a server
        // may rightly demand a key to write (Open311 asks for an api_key) while its reads are open.
        if (write.Status is 401 or 403 && write.Anonymous)
        {
            yield return Skipped(run, $"The write was refused ({write.Status}) without credentials, and the harness was given none: "
                + "a vendor profile's auth (an api_key, a token) lets it write.");
            yield break;
        }
        var expected = recipe.ExpectAnyOf;
        if (write.IsSuccess && write.BodyRefused && expected.Count > 0)
        {
            yield return Error(run, $"The write was answered {write.Status}, but the harness could not judge the answer: {write.Json.Error}.", write);
            yield break;
        }
        string? problem = null;
        if (!write.Answered) problem = $"no answer: {write.TransportError}";
        else if (!write.IsSuccess) problem = $"the write was answered {write.Status}";
        else if (expected.Count > 0)
        {
            var records = write.Json.Node is System.Text.Json.Nodes.JsonArray list ? list.OfType<System.Text.Json.Nodes.JsonObject>().ToList()
                : AnswerRecords.In(write.Json.Node) is { } one ? [one] : [];
            if (!records.Any(r => expected.Any(f => AnswerRecords.IdOf(r, f) is { Length: > 0 })))
                problem = $"the answer holds no {string.Join(" or ", expected)}";
        }
        var problems = problem is null ? new List<(Exchange, string)>() : [(write, problem)];
        yield return Judge(run, problems, $"The write was accepted ({write.Status}).");
    }
}
