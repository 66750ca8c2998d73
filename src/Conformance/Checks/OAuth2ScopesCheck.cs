using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Checks;

/// <summary>
/// An operation the document secures with OAuth2 refuses a request without a token, and one with a token the platform
/// never issued, with 401 (RFC 6750 §3.1: a missing or invalid token); and, with --allow-writes on a test environment,
/// refuses an update sent with a token of a scope the operation does not declare with 403 (insufficient_scope). Each
/// required read is asked again without the run's token and with a forged one; the update is one record put back as
/// read, with a token the run's own client asks for with another of the document's scopes (each tried until the token
/// endpoint grants one). Judged only where the harness was given credentials, which a refusal is then about.
/// </summary>
public sealed class OAuth2ScopesCheck : Check
{
    public const string CheckId = "oauth2-scopes";
    public override string Id => CheckId;
    public override string Title => "A missing or forged token gets 401, a token without the declared scope 403";

    private enum Kind { NoToken, Forged, OtherScope }

    private sealed record Asked(Kind Kind, string? Scope = null, string? Needed = null);

    /// <summary>A token no platform issued: random, so it cannot be one by chance.</summary>
    private static string Forged() => "conformance-forged-" + Guid.NewGuid().ToString("N");

    private static bool Secured(OperationRun run, Spec spec) =>
        run.Operation.Method == "GET" && run.Tier == Tier.Required && run.Role is OperationRole.List or OperationRole.Item
        && OAuth2Security.Scheme(spec) is { } scheme && OAuth2Security.Alternatives(spec, run.Operation.Method, run.Operation.Path, scheme) is { Count: > 0 } needed
        && needed.All(a => a.Count > 0);

    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
    {
        if (!Secured(run, context.Spec) || run.Primary is not { Anonymous: false, IsSuccess: true, Asked: { } asked }) yield break;
        yield return new ProbeRequest("without a token", asked) { Anonymous = true, Tag = new Asked(Kind.NoToken) };
        yield return new ProbeRequest("with a token the platform never issued", asked)
            { Anonymous = true, Headers = [new("Authorization", $"Bearer {Forged()}")], Tag = new Asked(Kind.Forged) };
        if (context.WritesAllowed && Update(context.Spec, context.Profile) is { } update && update.Path == run.Operation.Path
            && run.Reads.FirstOrDefault(r => r.Exchange.IsSuccess) is { RecordId: { } id } read && AnswerRecords.In(read.Exchange.Json.Node) is { } record)
        {
            var scheme = OAuth2Security.Scheme(context.Spec)!;
            var needed = OAuth2Security.Alternatives(context.Spec, "PUT", update.Path, scheme);
            // A token of one scope satisfies an alternative only if that alternative asks for no more than it.
            var others = OAuth2Security.Scopes(context.Spec, scheme).Where(s => !needed.Any(a => a.IsSubsetOf([s]))).ToList();
            var body = (JsonObject)record.DeepClone();
            if (context.Profile.Versions is { } versions && JsonNumbers.WholeNumber(body[versions.Field]) is { } version) body[versions.Field] = version + 1;
            var wanted = string.Join(" or ", needed.Select(a => string.Join(" ", a)));
            ProbeRequest? Try(int i) => i >= others.Count ? null : new ProbeRequest($"update {id} with a token of scope {others[i]} (--allow-writes)", context.Url(update.Path, id))
            {
                RecordId = id, Scope = others[i], Write = new JsonWrite("PUT", body.ToJsonString()), Tag = new Asked(Kind.OtherScope, others[i], wanted),
                Then = answer => answer.TransportError?.StartsWith(Probe.NoScopedToken, StringComparison.Ordinal) == true ? Try(i + 1) : null,
            };
            if (Try(0) is { } first) yield return first;
        }
    }

    /// <summary>The update judged: the first required record endpoint whose PUT the document secures with scopes.</summary>
    private static SpecOperation? Update(Spec spec, Profile profile) =>
        OAuth2Security.Scheme(spec) is { } scheme
            ? profile.Endpoints.Required.Select(p => spec.Find("PUT", p)).OfType<SpecOperation>()
                .FirstOrDefault(o => OAuth2Security.Alternatives(spec, "PUT", o.Path, scheme) is { Count: > 0 } a && a.All(x => x.Count > 0))
            : null;

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (!Secured(run, context.Spec) || run.Primary is not { IsSuccess: true } primary) yield break;
        if (primary.Anonymous)
        {
            yield return Skipped(run, "The harness was given no credentials: it cannot show what a token changes.");
            yield break;
        }
        var problems = new List<(Exchange, string)>();
        var said = new List<string>();
        foreach (var (asked, answer) in OwnRequests(run).Where(r => r.Tag is Asked).Select(r => ((Asked)r.Tag!, r.Exchange)))
        {
            switch (asked.Kind)
            {
                case Kind.NoToken when answer.Status != 401:
                    problems.Add((answer, $"a request without a token answered {answer.Status?.ToString() ?? answer.TransportError}, not 401"));
                    break;
                case Kind.Forged when answer.Status != 401:
                    problems.Add((answer, $"a request with a token the platform never issued answered {answer.Status?.ToString() ?? answer.TransportError}, not 401"));
                    break;
                case Kind.OtherScope when answer.TransportError?.StartsWith(Probe.NoScopedToken, StringComparison.Ordinal) == true:
                    said.Add($"no token of scope {asked.Scope} could be had ({answer.TransportError})");
                    break;
                case Kind.OtherScope when answer.Status != 403:
                    problems.Add((answer, answer.IsSuccess
                        ? $"an update with a token of scope {asked.Scope} was accepted ({answer.Status}); the operation needs {asked.Needed}"
                        : $"an update with a token of scope {asked.Scope} answered {answer.Status?.ToString() ?? answer.TransportError}, not 403; the operation needs {asked.Needed}"));
                    break;
                case Kind.OtherScope:
                    said.Add($"an update with a token of scope {asked.Scope} was refused with 403");
                    break;
            }
        }
        yield return Judge(run, problems, "Without a token, and with a forged one, it answered 401" + (said.Count > 0 ? $"; {string.Join("; ", said)}." : "."));
    }
}
