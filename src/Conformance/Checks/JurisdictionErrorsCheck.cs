using Conformance.Evidence;
using Conformance.Http;

namespace Conformance.Checks;

/// <summary>
/// An endpoint serving several jurisdictions refuses a request without jurisdiction_id with 400 and one
/// naming an unknown jurisdiction with 404 (Open311 "jurisdiction_id", "Errors"). Judged only where the
/// vendor profile declares several_jurisdictions (and gives the jurisdiction to send).
/// </summary>
public sealed class JurisdictionErrorsCheck : Check
{
    public const string CheckId = "jurisdiction-errors";
    public override string Id => CheckId;
    public override string Title => "Missing or unknown jurisdiction is refused";

    /// <summary>Which of the two refusals an answer is.</summary>
    public enum Kind { Missing, Unknown }

    /// <summary>A value no real jurisdiction uses.</summary>
    public const string UnknownValue = "conformance-unknown-jurisdiction.invalid";

    /// <summary>Sent only where the vendor profile declares several_jurisdictions.</summary>
    public override OptIn OptIn { get; } = new(OptIn.SeveralJurisdictions, "a request without the jurisdiction (must be 400) and one naming an unknown one (must be 404)");

    /// <summary>A request naming no jurisdiction, and one naming an unknown one.</summary>
    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
    {
        if (context.Profile.Jurisdiction is not { } jurisdiction || run.Operation.PathTemplate != jurisdiction.Endpoint
            || run.Format != context.Profile.Formats?.Required || run.SkipReason is not null) yield break;
        var others = context.FixedQuery(without: jurisdiction.Parameter);
        yield return new ProbeRequest("without jurisdiction", TargetUrls.Url(context.Target, run.Operation.Path, query: others)) { Tag = Kind.Missing };
        yield return new ProbeRequest("unknown jurisdiction", TargetUrls.Url(context.Target, run.Operation.Path,
            query: TargetUrls.Join(others, $"{Uri.EscapeDataString(jurisdiction.Parameter)}={UnknownValue}"))) { Tag = Kind.Unknown };
    }

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (context.Profile.Jurisdiction is not { } jurisdiction || run.Operation.PathTemplate != jurisdiction.Endpoint
            || run.Format != context.Profile.Formats?.Required || run.SkipReason is not null)
            yield break;
        var sent = OwnRequests(run).ToList();
        if (sent.Count == 0)
        {
            yield return Skipped(run, $"The vendor profile does not declare several_jurisdictions, so the endpoint is taken "
                                      + $"to serve one jurisdiction, where {jurisdiction.Parameter} is optional.");
            yield break;
        }
        var problems = new List<(Exchange, string)>();
        foreach (var (probe, tag) in sent.Select(r => (r.Exchange, r.Tag)))
        {
            var expected = tag is Kind.Missing ? 400 : 404;
            var what = tag is Kind.Missing ? $"without {jurisdiction.Parameter}" : $"with an unknown {jurisdiction.Parameter}";
            if (!probe.Answered) problems.Add((probe, $"no answer {what}: {probe.TransportError}"));
            else if (probe.Status != expected) problems.Add((probe, $"{what} it answered {probe.Status}, not {expected}"));
        }
        yield return Judge(run, problems, $"Without {jurisdiction.Parameter} it answered 400; with an unknown one, 404.");
    }
}
