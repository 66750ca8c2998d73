namespace Conformance.Drift;

/// <summary>
/// Compares a supplier's OpenAPI document with the standard's, operation by operation: operations are matched by
/// method and path (parameter names aside, and under a common prefix where the supplier's paths carry one), then
/// their parameters, request bodies and responses are compared, each the right way round (<see cref="SchemaComparer"/>).
/// </summary>
public static class DriftComparer
{
    public static DriftReport Compare(ApiContract standard, ApiContract supplier, DriftScope? scope = null)
    {
        scope ??= DriftScope.Everything;
        var differences = new List<Difference>();
        var notes = new List<string>();
        var ours = Match(standard, supplier, notes);
        var matched = new HashSet<ContractOperation>(ReferenceEqualityComparer.Instance);
        var budget = new ComparisonBudget();
        foreach (var theirs in standard.Operations)
        {
            if (!ours.TryGetValue(theirs.Key, out var mine))
            {
                var required = scope.IsRequired(theirs.Path);
                differences.Add(new Difference(required ? DriftRules.OperationMissing : DriftRules.OptionalOperationMissing, theirs.Id, "",
                    $"the document has no {theirs.Method} {theirs.Path}{(required ? "" : " (an endpoint the standard makes optional)")}"));
                continue;
            }
            matched.Add(mine);
            new OperationComparison(theirs, mine, scope, differences, budget).Run();
        }
        foreach (var extra in supplier.Operations.Where(o => !matched.Contains(o)))
            differences.Add(new Difference(DriftRules.OperationAdded, extra.Id, "", "an operation the standard does not define"));
        return new DriftReport(differences.Distinct().ToList(), standard.Operations.Select(o => o.Id).ToList(), notes);
    }

    /// <summary>
    /// The supplier's operations by the key of the standard's operation each answers to. Where most of the standard's
    /// paths are found only under one prefix (the supplier wrote its base path into its paths), the prefix is set aside.
    /// </summary>
    private static Dictionary<string, ContractOperation> Match(ApiContract standard, ApiContract supplier, List<string> notes)
    {
        var direct = Keyed(supplier.Operations, "");
        var missing = standard.Operations.Where(o => !direct.ContainsKey(o.Key) && o.Path != "/").ToList();
        if (missing.Count == 0) return direct;
        var prefixes = missing
            .SelectMany(t => supplier.Operations.Where(o => o.Method == t.Method)
                .Select(o => ApiContract.KeyOf(o.Path))
                .Where(p => p.EndsWith(ApiContract.KeyOf(t.Path), StringComparison.Ordinal) && p.Length > ApiContract.KeyOf(t.Path).Length)
                .Select(p => p[..^ApiContract.KeyOf(t.Path).Length]))
            .Where(p => p.StartsWith('/') && !p.EndsWith('/'))
            .GroupBy(p => p).OrderByDescending(g => g.Count()).FirstOrDefault();
        if (prefixes is null) return direct;
        var underPrefix = Keyed(supplier.Operations, prefixes.Key);
        if (standard.Operations.Count(o => underPrefix.ContainsKey(o.Key)) <= standard.Operations.Count(o => direct.ContainsKey(o.Key))) return direct;
        notes.Add($"The document's paths carry the prefix {prefixes.Key}; they are compared without it.");
        return underPrefix;
    }

    private static Dictionary<string, ContractOperation> Keyed(IEnumerable<ContractOperation> operations, string prefix)
    {
        var keyed = new Dictionary<string, ContractOperation>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            var path = operation.Path;
            if (prefix.Length > 0)
            {
                if (!path.StartsWith(prefix, StringComparison.Ordinal) || (path.Length > prefix.Length && path[prefix.Length] != '/')) continue;
                path = path[prefix.Length..];
                if (path.Length == 0) path = "/";
            }
            keyed.TryAdd($"{operation.Method} {ApiContract.KeyOf(path.Length > 1 ? path.TrimEnd('/') : path)}", operation);
        }
        return keyed;
    }

    private sealed class OperationComparison(ContractOperation theirs, ContractOperation ours, DriftScope scope, List<Difference> differences, ComparisonBudget budget)
    {
        public void Run()
        {
            if (!theirs.NeedsCredentials && ours.NeedsCredentials)
                Add(DriftRules.OperationSecurityAdded, "", "the standard's operation needs no credentials; the document's demands them");
            if (theirs.Documentation != ours.Documentation)
                Add(DriftRules.DocumentationChanged, "", "its summary, description, operationId or tags differ");
            var envelope = Envelope();
            Parameters(envelope is null ? [] : [scope.Pagination!.PageParameter, scope.Pagination.PerPageParameter]);
            Body();
            Responses(envelope);
            if (budget.RanOutNow())
                Add(DriftRules.ReferenceUnresolved, "", $"the documents are too complex to compare whole (more than {ComparisonBudget.Comparisons:N0} comparisons of one schema with another): from this operation on, the rest was not compared");
        }

        private void Parameters(IReadOnlyCollection<string> pageParameters)
        {
            var mine = ours.Parameters.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First());
            foreach (var parameter in theirs.Parameters)
            {
                var where = parameter.In == "path" ? $"path parameter {parameter.Name}" : $"{parameter.In} parameter {parameter.Name}";
                var paging = parameter.In == "query" && pageParameters.Contains(parameter.Name);
                if (!mine.Remove(parameter.Key, out var match))
                {
                    Add(paging ? DriftRules.PaginationChanged : DriftRules.RequestParameterRemoved, where, "the standard defines it; the document does not accept it");
                    continue;
                }
                if (!parameter.Required && match.Required)
                    Add(paging ? DriftRules.PaginationChanged : DriftRules.RequestParameterRequired, where, "the standard leaves it optional; the document requires it");
                else if (parameter.Required && !match.Required)
                    Add(DriftRules.RequestAcceptsMore, where, "the standard requires it; the document leaves it optional");
                if ((parameter.Schema.Types | match.Schema.Types).HasFlag(JsonTypes.Array) && parameter.Schema.Types != JsonTypes.Any
                    && parameter.Serialisation != match.Serialisation)
                    Add(DriftRules.RequestParameterSerialisationChanged, where, $"the standard sends a list as {parameter.Serialisation}; the document reads {match.Serialisation}");
                if (parameter.Description != match.Description)
                    Add(DriftRules.DocumentationChanged, where, "its description differs");
                Schemas(DriftDirection.Request, parameter.Schema, match.Schema, where, paging ? new HashSet<string> { "" } : null);
            }
            foreach (var extra in mine.Values)
            {
                var where = $"{extra.In} parameter {extra.Name}";
                if (extra.Required) Add(DriftRules.RequestParameterAddedRequired, where, "the document requires a parameter the standard does not define");
                else Add(DriftRules.RequestParameterAdded, where, "an optional parameter the standard does not define");
            }
        }

        private void Body()
        {
            var (standard, supplier) = (theirs.Body, ours.Body);
            if (standard is null)
            {
                if (supplier is { Required: true })
                    Add(DriftRules.RequestBodyRequired, "request body", "the standard sends no body; the document requires one");
                return;
            }
            if (supplier is null)
            {
                foreach (var type in standard.Content.Keys)
                    Add(DriftRules.RequestMediaTypeRemoved, $"request body ({type})", "the standard sends a body; the document accepts none");
                return;
            }
            if (!standard.Required && supplier.Required)
                Add(DriftRules.RequestBodyRequired, "request body", "the standard leaves the body optional; the document requires it");
            else if (standard.Required && !supplier.Required)
                Add(DriftRules.RequestAcceptsMore, "request body", "the standard requires a body; the document leaves it optional");
            foreach (var (type, schema) in standard.Content)
            {
                if (MediaTypes.Serving(type, supplier.Content.Keys) is not { } served)
                {
                    Add(DriftRules.RequestMediaTypeRemoved, $"request body ({type})", $"the standard sends {type}; the document accepts {List(supplier.Content.Keys)}");
                    continue;
                }
                Schemas(DriftDirection.Request, schema, supplier.Content[served], $"request body ({type})", null);
            }
            foreach (var type in supplier.Content.Keys.Where(t => standard.Content.Keys.All(s => MediaTypes.Serving(s, [t]) is null)))
                Add(DriftRules.RequestAcceptsMore, $"request body ({type})", "the document accepts a media type the standard does not send");
        }

        private void Responses(IReadOnlySet<string>? envelope)
        {
            foreach (var (status, standard) in theirs.Responses)
            {
                var where = $"response {status}";
                var (found, supplier) = Answering(status, ours.Responses);
                if (supplier is null)
                {
                    if (Success(status)) Add(DriftRules.ResponseStatusRemoved, where, $"the standard answers {status}; the document lists {List(ours.Responses.Keys)}");
                    else Add(DriftRules.ResponseErrorStatusUndocumented, where, $"the standard documents {status}; the document does not");
                    continue;
                }
                if (found != status) where = $"response {status} (the document's {found})";
                foreach (var header in standard.RequiredHeaders.Where(h => !supplier.RequiredHeaders.Contains(h)))
                    Add(DriftRules.ResponseHeaderRemoved, $"{where}, header {header}", "the standard promises the header; the document does not");
                if (standard.Description != supplier.Description) Add(DriftRules.DocumentationChanged, where, "its description differs");
                foreach (var (type, schema) in standard.Content)
                {
                    if (MediaTypes.Serving(type, supplier.Content.Keys) is not { } served)
                    {
                        Add(DriftRules.ResponseMediaTypeRemoved, $"{where} ({type})",
                            $"the standard answers {type}; the document answers {(supplier.Content.Count == 0 ? "with no body" : List(supplier.Content.Keys))}");
                        continue;
                    }
                    Schemas(DriftDirection.Response, schema, supplier.Content[served], $"{where} ({type})", Success(status) ? envelope : null);
                }
                foreach (var type in supplier.Content.Keys.Where(t => standard.Content.Keys.All(s => MediaTypes.Serving(s, [t]) is null)))
                    Add(DriftRules.ResponseMediaTypeAdded, $"{where} ({type})", "the document answers a media type the standard does not");
            }
            foreach (var status in ours.Responses.Keys.Where(s => Answering(s, theirs.Responses).Response is null))
                Add(DriftRules.ResponseStatusAdded, $"response {status}", "a status the standard does not document");
        }

        /// <summary>The fields of the standard's page envelope in this operation's answer, when it is a paginated list.</summary>
        private IReadOnlySet<string>? Envelope()
        {
            if (scope.Pagination is not { } p) return null;
            var page = theirs.Responses.Where(r => Success(r.Key)).SelectMany(r => r.Value.Content.Values)
                .FirstOrDefault(s => s.Properties.TryGetValue(p.Contents[0], out var contents) && contents.Types.HasFlag(JsonTypes.Array));
            if (page is null) return null;
            return new[] { p.Contents[0], p.TotalItems, p.TotalPages, p.PageNumber, p.Size, p.FirstPage, p.LastPage, p.Empty }
                .Where(page.Properties.ContainsKey).ToHashSet();
        }

        private void Schemas(DriftDirection direction, Shape standard, Shape supplier, string where, IReadOnlySet<string>? envelope) =>
            new SchemaComparer(direction, (rule, field, detail) => Add(rule, field.Length == 0 ? where : $"{where}, field {field}", detail), envelope, budget)
                .Compare(standard, supplier, "");

        private void Add(DriftRule rule, string where, string detail) => differences.Add(new Difference(rule, theirs.Id, where, detail));

        /// <summary>The supplier's response for a status: the same code, else the range that holds it, else its default.</summary>
        private static (string? Status, ContractResponse? Response) Answering(string status, IReadOnlyDictionary<string, ContractResponse> responses)
        {
            if (responses.TryGetValue(status, out var exact)) return (status, exact);
            if (status.Length == 3 && char.IsDigit(status[0]) && responses.TryGetValue($"{status[0]}XX", out var range)) return ($"{status[0]}XX", range);
            return responses.TryGetValue("DEFAULT", out var fallback) ? ("DEFAULT", fallback) : (null, null);
        }

        private static bool Success(string status) => status.StartsWith('2');

        private static string List(IEnumerable<string> items) => items.Any() ? string.Join(", ", items) : "none";
    }
}
