using System.Text.Json.Nodes;

namespace Conformance.Drift;

/// <summary>
/// Compares the standard's schema with the supplier's, one way: in a response every value the supplier may send must
/// be one the standard allows (the supplier may promise more, never less); in a request every value the standard
/// allows must be accepted (the supplier may accept more, never demand more). What breaks that is reported with a
/// breaking rule; what the standard allows but differs is reported with a compatible one.
/// </summary>
internal sealed class SchemaComparer(DriftDirection direction, Action<DriftRule, string, string> report, IReadOnlySet<string>? envelope = null,
    ComparisonBudget? budget = null)
{
    private const int MaxDepth = 64;
    private readonly ComparisonBudget _budget = budget ?? new ComparisonBudget();
    private HashSet<(Shape, Shape)> _seen = new(new PairComparer());
    private Action<DriftRule, string, string> _report = report;

    private bool Response => direction == DriftDirection.Response;

    public void Compare(Shape standard, Shape supplier, string field, int depth = 0)
    {
        if (depth > MaxDepth || !_seen.Add((standard, supplier))) return;
        if (!_budget.Spend()) return; // the operation that ran it out says so
        if (standard.Unresolved is { } theirs) { Report(DriftRules.ReferenceUnresolved, field, $"the standard's schema cannot be read: {theirs}"); return; }
        if (supplier.Unresolved is { } ours) { Report(DriftRules.ReferenceUnresolved, field, $"the document's schema cannot be read: {ours}"); return; }
        if (standard.Documentation != supplier.Documentation)
            Report(DriftRules.DocumentationChanged, field, "its description, title or examples differ");
        if (standard.Alternatives is not null || supplier.Alternatives is not null)
        {
            CompareBranches(standard, supplier, field, depth);
            return;
        }
        // In a response the supplier's values must lie within the standard's; in a request, the standard's within the supplier's.
        var (narrow, wide) = Response ? (supplier, standard) : (standard, supplier);
        if (!CompareTypes(standard, supplier, narrow, wide, field)) return;
        CompareFormats(narrow, wide, field, standard, supplier);
        CompareEnums(narrow, wide, field, standard, supplier);
        CompareBounds(narrow, wide, field);
        if (Has(narrow, JsonTypes.Object) && Has(wide, JsonTypes.Object)) CompareObjects(standard, supplier, field, depth);
        if (Has(narrow, JsonTypes.Array) && Has(wide, JsonTypes.Array) && (standard.Items is not null || supplier.Items is not null))
            Compare(standard.Items ?? new Shape(), supplier.Items ?? new Shape(), $"{field}[]", depth + 1);
    }

    /// <summary>False when the types leave nothing in common worth comparing further.</summary>
    private bool CompareTypes(Shape standard, Shape supplier, Shape narrow, Shape wide, string field)
    {
        var beyond = JsonTypeSets.Beyond(narrow.Types, wide.Types);
        var said = $"the standard allows {JsonTypeSets.Describe(standard.Types)}; the document allows {JsonTypeSets.Describe(supplier.Types)}";
        if (beyond != JsonTypes.None)
        {
            var withoutNull = narrow.Types & ~JsonTypes.Null;
            if (withoutNull != JsonTypes.None && !JsonTypeSets.Overlap(withoutNull, wide.Types & ~JsonTypes.Null))
            {
                Report(Response ? DriftRules.ResponseTypeChanged : DriftRules.RequestValueNarrowed, field, said);
                return false;
            }
            Report(Response ? DriftRules.ResponseTypeWidened : DriftRules.RequestValueNarrowed, field,
                beyond == JsonTypes.Null ? $"{said} (null too)" : said);
        }
        else if (JsonTypeSets.Beyond(wide.Types, narrow.Types) != JsonTypes.None)
            Report(Response ? DriftRules.ResponseNarrowed : DriftRules.RequestAcceptsMore, field, said);
        return true;
    }

    private void CompareFormats(Shape narrow, Shape wide, string field, Shape standard, Shape supplier)
    {
        if (Formats.Same(narrow.Format, wide.Format)) return;
        var said = $"the standard gives {Format(standard.Format)}; the document gives {Format(supplier.Format)}";
        if (wide.Format is not null && !Formats.Within(narrow.Format, wide.Format))
            Report(Response ? DriftRules.ResponseFormatDropped : DriftRules.RequestValueNarrowed, field, said);
        else Report(Response ? DriftRules.ResponseNarrowed : DriftRules.RequestAcceptsMore, field, said);
    }

    private void CompareEnums(Shape narrow, Shape wide, string field, Shape standard, Shape supplier)
    {
        // null is a type, judged with the types.
        var inner = narrow.Enum?.Where(v => v is not null).ToList();
        var outer = wide.Enum?.Where(v => v is not null).ToList();
        if (inner is null && outer is null) return;
        var said = $"the standard allows {Values(standard.Enum)}; the document allows {Values(supplier.Enum)}";
        if (outer is not null && (inner is null || inner.Any(v => !outer.Any(o => JsonNode.DeepEquals(v, o)))))
            Report(Response ? DriftRules.ResponseEnumWidened : DriftRules.RequestValueNarrowed, field, said);
        else if (inner is not null && (outer is null || outer.Any(o => !inner.Any(v => JsonNode.DeepEquals(v, o)))))
            Report(Response ? DriftRules.ResponseNarrowed : DriftRules.RequestAcceptsMore, field, said);
    }

    private void CompareBounds(Shape narrow, Shape wide, string field)
    {
        var looser = new List<string>();
        var tighter = new List<string>();
        void Judge(string what, int order)
        {
            if (order > 0) looser.Add(what);
            else if (order < 0) tighter.Add(what);
        }
        if (Has(narrow, JsonTypes.Number) || Has(narrow, JsonTypes.Integer))
        {
            var integers = Integral(narrow) && Integral(wide);
            Judge("the lower bound", Bound.CompareLower(Bound.Lower(narrow, integers), Bound.Lower(wide, integers)));
            Judge("the upper bound", Bound.CompareUpper(Bound.Upper(narrow, integers), Bound.Upper(wide, integers)));
        }
        if (Has(narrow, JsonTypes.String))
        {
            Judge("the shortest length", Bound.CompareLower(Bound.Of(narrow.MinLength), Bound.Of(wide.MinLength)));
            Judge("the longest length", Bound.CompareUpper(Bound.Of(narrow.MaxLength), Bound.Of(wide.MaxLength)));
            if (narrow.Pattern != wide.Pattern) Judge("the pattern", wide.Pattern is null ? -1 : 1);
        }
        if (Has(narrow, JsonTypes.Array))
        {
            Judge("the fewest items", Bound.CompareLower(Bound.Of(narrow.MinItems), Bound.Of(wide.MinItems)));
            Judge("the most items", Bound.CompareUpper(Bound.Of(narrow.MaxItems), Bound.Of(wide.MaxItems)));
        }
        var (standard, supplier) = Response ? (wide, narrow) : (narrow, wide);
        if (looser.Count > 0)
            Report(Response ? DriftRules.ResponseConstraintLoosened : DriftRules.RequestValueNarrowed, field,
                $"{string.Join(", ", looser)}: the standard says {Bound.Describe(standard)}; the document says {Bound.Describe(supplier)}");
        if (tighter.Count > 0)
            Report(Response ? DriftRules.ResponseNarrowed : DriftRules.RequestAcceptsMore, field,
                $"{string.Join(", ", tighter)}: the standard says {Bound.Describe(standard)}; the document says {Bound.Describe(supplier)}");
    }

    private void CompareObjects(Shape standard, Shape supplier, string field, int depth)
    {
        string Child(string name) => field.Length == 0 ? name : $"{field}.{name}";
        // What a side promises to send (a response: writeOnly fields never come) or demands (a request: readOnly fields are never sent).
        bool Counts(Shape owner, string name) =>
            !(owner.Properties.TryGetValue(name, out var p) && (Response ? p.WriteOnly : p.ReadOnly));
        foreach (var (name, theirs) in standard.Properties)
        {
            if (supplier.Properties.TryGetValue(name, out var ours))
            {
                Compare(theirs, ours, Child(name), depth + 1);
                continue;
            }
            if (Response)
            {
                if (standard.Required.Contains(name) && Counts(standard, name) && !supplier.Required.Contains(name))
                    Report(DriftRules.ResponseFieldRemoved, Child(name), "the standard requires it; the document does not define it");
                else if (envelope?.Contains(name) == true && field.Length == 0)
                    Report(DriftRules.PaginationChanged, Child(name), "a field of the standard's page envelope; the document does not define it");
                else if (supplier.AdditionalProperties is not null && !supplier.IsClosed && !supplier.Required.Contains(name))
                    Compare(theirs, supplier.AdditionalProperties, Child(name), depth + 1);
                else Report(DriftRules.ResponseFieldUndocumented, Child(name), "an optional field of the standard's that the document does not define");
            }
            else if (supplier.IsClosed)
                Report(DriftRules.RequestFieldRemoved, Child(name), "the standard defines it; the document allows no field it does not name");
            else if (supplier.AdditionalProperties is not null)
                Compare(theirs, supplier.AdditionalProperties, Child(name), depth + 1);
            else Report(DriftRules.RequestFieldUndocumented, Child(name), "a field of the standard's that the document does not define");
        }
        foreach (var (name, ours) in supplier.Properties.Where(p => !standard.Properties.ContainsKey(p.Key)))
        {
            if (Response)
            {
                if (standard.IsClosed) Report(DriftRules.ResponseFieldNotAllowed, Child(name), "the standard allows no field it does not name");
                else if (standard.AdditionalProperties is { } any) Compare(any, ours, Child(name), depth + 1);
                else Report(DriftRules.ResponseFieldAdded, Child(name), "a field the standard does not define");
            }
            else if (!supplier.Required.Contains(name))
                Report(DriftRules.RequestFieldAdded, Child(name), "an optional field the standard does not define");
        }
        foreach (var name in Response ? standard.Required : supplier.Required)
        {
            var (needs, has) = Response ? (standard, supplier) : (supplier, standard);
            if (has.Required.Contains(name) || !Counts(needs, name)) continue;
            if (Response && supplier.Properties.ContainsKey(name))
                Report(DriftRules.ResponseFieldOptional, Child(name), "the standard requires it; the document makes it optional");
            else if (!Response)
                Report(DriftRules.RequestFieldRequired, Child(name),
                    standard.Properties.ContainsKey(name) ? "the standard leaves it optional; the document requires it" : "the document requires a field the standard does not define");
        }
        foreach (var name in Response ? supplier.Required : standard.Required)
        {
            var (more, fewer) = Response ? (supplier, standard) : (standard, supplier);
            if (!fewer.Required.Contains(name) && fewer.Properties.ContainsKey(name) && more.Properties.ContainsKey(name))
                Report(Response ? DriftRules.ResponseNarrowed : DriftRules.RequestAcceptsMore, Child(name),
                    Response ? "the standard leaves it optional; the document requires it" : "the standard requires it; the document leaves it optional");
        }
        CompareOtherFields(standard, supplier, field, depth);
    }

    /// <summary>What an object may hold besides the fields it names (a map's values, or nothing at all).</summary>
    private void CompareOtherFields(Shape standard, Shape supplier, string field, int depth)
    {
        var (narrow, wide) = Response ? (supplier, standard) : (standard, supplier);
        var other = field.Length == 0 ? "(other fields)" : $"{field}.*";
        if (wide.IsClosed && !narrow.IsClosed)
            Report(Response ? DriftRules.ResponseFieldNotAllowed : DriftRules.RequestFieldRemoved, other,
                Response ? "the standard allows no field it does not name; the document allows others" : "the standard allows other fields; the document allows none it does not name");
        else if (standard.AdditionalProperties is { IsNever: false } a && supplier.AdditionalProperties is { IsNever: false } b)
            Compare(a, b, other, depth + 1);
    }

    /// <summary>
    /// `anyOf`/`oneOf` that did not fold: each branch of the narrower side must fit some branch of the wider one. The
    /// branch that fits best is the one reported against, so only real differences are named.
    /// </summary>
    private void CompareBranches(Shape standard, Shape supplier, string field, int depth)
    {
        var narrowBranches = Branches(Response ? supplier : standard);
        var wideBranches = Branches(Response ? standard : supplier);
        foreach (var narrow in narrowBranches)
        {
            List<(DriftRule, string, string)>? best = null;
            foreach (var wide in wideBranches)
            {
                var found = Trial(Response ? wide : narrow, Response ? narrow : wide, field, depth);
                if (best is null || Breaks(found) < Breaks(best)) best = found;
                if (Breaks(best) == 0) break;
            }
            foreach (var (rule, where, detail) in best ?? []) Report(rule, where, detail);
        }
    }

    private List<(DriftRule, string, string)> Trial(Shape standard, Shape supplier, string field, int depth)
    {
        var found = new List<(DriftRule, string, string)>();
        var (seen, sink) = (_seen, _report);
        _seen = new HashSet<(Shape, Shape)>(seen, new PairComparer());
        _report = (rule, where, detail) => found.Add((rule, where, detail));
        try
        {
            Compare(standard, supplier, field, depth + 1);
        }
        finally
        {
            (_seen, _report) = (seen, sink);
        }
        return found;
    }

    private static int Breaks(List<(DriftRule Rule, string, string)> found) => found.Count(f => f.Rule.Kind is DriftKind.Breaking or DriftKind.Unjudged);

    private static List<Shape> Branches(Shape shape)
    {
        if (shape.Alternatives is null) return [shape];
        var common = new Shape { Origin = shape.Origin };
        Merge.Into(common, shape);
        common.Alternatives = null;
        common.Documentation = null;
        return shape.Alternatives.Select(branch => Merge.Both(common, branch)).ToList();
    }

    private void Report(DriftRule rule, string field, string detail)
    {
        // A field of the standard's page envelope: a change there breaks pagination, whatever else it is.
        if (rule.Kind == DriftKind.Breaking && envelope?.Contains(field) == true) rule = DriftRules.PaginationChanged;
        _report(rule, field, detail);
    }

    private static bool Has(Shape shape, JsonTypes type) => JsonTypeSets.Overlap(shape.Types, type);

    private static bool Integral(Shape shape) => (shape.Types & ~JsonTypes.Null) == JsonTypes.Integer;

    private static string Format(string? format) => format is null ? "no format" : $"format {format}";

    private static string Values(List<JsonNode?>? values) =>
        values is null ? "any value of its type"
        : values.Count <= 12 ? $"[{string.Join(", ", values.Select(v => v?.ToJsonString() ?? "null"))}]"
        : $"[{string.Join(", ", values.Take(12).Select(v => v?.ToJsonString() ?? "null"))}, … {values.Count} in all]";

    private sealed class PairComparer : IEqualityComparer<(Shape, Shape)>
    {
        public bool Equals((Shape, Shape) x, (Shape, Shape) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((Shape, Shape) pair) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Item2));
    }
}
