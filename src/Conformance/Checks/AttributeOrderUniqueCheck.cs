using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;

namespace Conformance.Checks;

/// <summary>
/// Within a service definition, no two attributes share an order (Open311 "GET Service Definition": "Any positive
/// integer not used for other attributes in the same service_code"). Attributes without an order share nothing.
/// </summary>
public sealed class AttributeOrderUniqueCheck : Check
{
    public const string CheckId = "attribute-order-unique";
    public override string Id => CheckId;
    public override string Title => "Attribute order values are unique within a service definition";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var definitions = ServiceDefinitions.In(run, context).ToList();
        if (definitions.Count == 0) yield break;
        var problems = new List<(Exchange, string)>();
        foreach (var (exchange, code, attributes) in definitions)
            foreach (var shared in attributes.Where(a => a["order"] is not null)
                         .GroupBy(a => JsonNumbers.WholeNumber(a["order"])?.ToString() ?? JsonText.Of(a["order"]))
                         .Where(g => g.Count() > 1))
                problems.Add((exchange, $"service {code}: order {shared.Key} is used by {string.Join(", ", shared.Select(ServiceDefinitions.CodeOf))}"));
        yield return Judge(run, problems, $"{definitions.Count} service definition(s), each attribute with an order of its own.");
    }
}
