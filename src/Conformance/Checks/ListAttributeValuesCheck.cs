using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;

namespace Conformance.Checks;

/// <summary>
/// An attribute a person picks from a list (singlevaluelist, multivaluelist) lists its choices in values (Open311
/// "GET Service Definition": "A set of predefined values (specified in this response)").
/// </summary>
public sealed class ListAttributeValuesCheck : Check
{
    public const string CheckId = "list-attribute-values";
    public override string Id => CheckId;
    public override string Title => "List attributes carry their values";

    private static readonly string[] ListTypes = ["singlevaluelist", "multivaluelist"];

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var definitions = ServiceDefinitions.In(run, context).ToList();
        if (definitions.Count == 0) yield break;
        var problems = new List<(Exchange, string)>();
        foreach (var (exchange, code, attributes) in definitions)
            foreach (var attribute in attributes)
                if (JsonText.Of(attribute["datatype"]) is { } datatype && ListTypes.Contains(datatype)
                    && attribute["values"] is not JsonArray { Count: > 0 })
                    problems.Add((exchange, $"service {code}: attribute {ServiceDefinitions.CodeOf(attribute)} is a {datatype} but lists no values"));
        yield return Judge(run, problems, $"{definitions.Count} service definition(s), every list attribute with its values.");
    }
}
