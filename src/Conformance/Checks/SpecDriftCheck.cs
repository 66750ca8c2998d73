using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Conformance.Drift;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;

namespace Conformance.Checks;

/// <summary>
/// The supplier's own OpenAPI document says what the standard's says: where a vendor profile (openapi_url) or the
/// API's / document (openapi_url) names it, it is read once per run (a document the server names, under the stricter
/// rules of <see cref="SpecSource.ReadNamed"/>) and compared with the run's spec by <see cref="DriftComparer"/>; each
/// operation is judged by the differences that would break a client of the standard there (docs/drift.md).
/// </summary>
public sealed class SpecDriftCheck : Check
{
    public const string CheckId = "spec-drift";

    public override string Id => CheckId;
    public override string Title => "The supplier's OpenAPI document says what the standard's says";

    // One comparison per run: the context is the run's own, and goes with it.
    private static readonly ConditionalWeakTable<CheckContext, Lazy<Comparison?>> Compared = new();

    /// <param name="Anchor">The operation that carries what is said of the document as a whole (the / document, else the first).</param>
    private sealed record Comparison(OperationRun? Anchor, string Named, Exchange? Evidence, DriftReport? Report = null,
        string? Unreadable = null, bool DocumentFault = false, bool IsTheStandard = false);

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var comparison = Compared.GetValue(context, c => new Lazy<Comparison?>(() => Compare(c))).Value;
        if (comparison is null) yield break; // nothing names a document: nothing to compare
        var anchor = ReferenceEquals(run, comparison.Anchor);
        if (comparison.Unreadable is { } why)
        {
            if (!anchor) yield break;
            yield return comparison.DocumentFault
                ? Violated(run, $"{comparison.Named} cannot be read: {why}", [why], comparison.Evidence)
                : Skipped(run, $"{comparison.Named} could not be compared: {why}");
            yield break;
        }
        if (comparison.IsTheStandard)
        {
            if (anchor) yield return Satisfied(run, $"{comparison.Named} is the standard's own published document: there is nothing to drift.", comparison.Evidence);
            yield break;
        }
        var operation = $"{run.Operation.Method} {run.Operation.PathTemplate}";
        var here = comparison.Report!.Differences.Where(d => d.Operation == operation).ToList();
        var breaking = here.Where(d => d.Rule.Kind == DriftKind.Breaking).ToList();
        var unjudged = here.Where(d => d.Rule.Kind == DriftKind.Unjudged).ToList();
        var compatible = here.Count(d => d.Rule.Kind == DriftKind.Compatible);
        if (breaking.Count > 0)
        {
            var rules = breaking.GroupBy(d => d.Rule).Select(g => $"{g.Key.Id} ({g.First().Where}{(g.Count() > 1 ? $" and {g.Count() - 1} more" : "")})");
            yield return Violated(run, $"{comparison.Named} breaks clients of the standard here: {string.Join("; ", rules)} (docs/drift.md).",
                breaking.Select(d => $"[{d.Rule.Id}] {(d.Where.Length == 0 ? "" : $"{d.Where}: ")}{d.Detail}"), comparison.Evidence);
        }
        else if (unjudged.Count > 0)
            yield return Skipped(run, $"{comparison.Named} could not be compared here: {unjudged[0].Where}: {unjudged[0].Detail}");
        else
            yield return Satisfied(run, $"{comparison.Named} says what the standard says here{(compatible > 0 ? $" ({compatible} compatible difference(s): additions the standard allows)" : "")}.",
                comparison.Evidence);
    }

    private static Comparison? Compare(CheckContext context)
    {
        var loader = new SpecLoader(new SpecSource(context.DocumentFetch));
        var discovery = context.Runs.FirstOrDefault(r => r.Role == OperationRole.Discovery);
        var anchor = discovery ?? context.Runs.FirstOrDefault();
        Uri? url = null;
        if (context.SupplierDocument is null)
        {
            if (discovery?.Primary is not { IsSuccess: true } root || context.Target is null) return null;
            url = DocumentNamedBy(root);
            if (url is null) return null; // root-document judges a / document without one
            if (context.Profile.Spec.IsPublishedAt(url))
                return new Comparison(anchor, $"The / document's openapi_url ({url})", root, IsTheStandard: true);
        }
        var named = url is null ? $"The OpenAPI document the vendor profile names ({context.SupplierDocument})" : $"The OpenAPI document the / document names ({url})";
        Spec supplier;
        try
        {
            supplier = url is null ? loader.Load(context.SupplierDocument!, context.Profile.Errata) : loader.LoadNamed(url, context.Target!, context.Profile.Errata);
        }
        catch (SpecLoadException e)
        {
            return new Comparison(anchor, named, discovery?.Primary, Unreadable: context.Masked(e.Message), DocumentFault: e.DocumentFault);
        }
        var evidence = supplier.Fetched is { } fetched ? DocumentExchange.Of(fetched, DriftOperation, "the supplier's OpenAPI document")
            : url is null ? null : discovery?.Primary;
        var report = DriftComparer.Compare(ApiContract.Of(context.Spec), ApiContract.Of(supplier), DriftScope.Of(context.Profile));
        return new Comparison(anchor, named, evidence, report);
    }

    /// <summary>The operation a fetch of the supplier's document is reported under.</summary>
    public const string DriftOperation = "openapi document";

    private static Uri? DocumentNamedBy(Exchange root) =>
        root.Json.Node is JsonObject document && document["openapi_url"] is JsonValue value && value.TryGetValue<string>(out var text)
        && Uri.TryCreate(new Uri(root.Url), text, out var url) && url.Scheme is "http" or "https" ? url : null;


}
