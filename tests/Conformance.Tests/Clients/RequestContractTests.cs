using System.Text.Json.Nodes;
using Conformance.Clients;
using Conformance.Specs;
using Conformance.Tests.Open311;

namespace Conformance.Tests.Clients;

public class RequestContractTests
{
    [Test]
    public void A_swagger_2_operation_gives_its_parameters_with_schemas_lifted_out_and_its_api_key()
    {
        var contract = RequestContract.Of(Open311Fixtures.Spec, Open311Fixtures.Spec.Find("POST", "/requests.{response_format}")!);
        Assert.That(contract.Parameter("service_code")!.Required, Is.True);
        Assert.That(contract.Parameter("lat")!.Schema!["type"]!.ToString(), Is.EqualTo("number"));
        Assert.That(contract.Parameter("lat")!.Schema!.ContainsKey("required"), Is.False, "a parameter's required is not its schema's");
        Assert.That(contract.Parameter("response_format")!.In, Is.EqualTo("path"));
        Assert.That(contract.Parameter("attribute")!.Explode, Is.True, "collectionFormat multi");
        Assert.That(contract.Bodies, Is.Empty, "Open311 declares no body: the profile lets a form carry the query");
        Assert.That(contract.Security.Single().Single().ApiKey, Is.EqualTo(("query", "api_key")));
        Assert.That(RequestContract.Of(Open311Fixtures.Spec, Open311Fixtures.Spec.Find("GET", "/services.{response_format}")!).Security, Is.Empty);
    }

    [Test]
    public void An_openapi_3_operation_gives_its_body_schemas_by_pointer_and_bearer_security()
    {
        var spec = Load("""
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
             "components": {"securitySchemes": {"oauth": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "/auth", "scopes": {"sp": "s"}}}}},
                            "requestBodies": {"Right": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Right"}}}}},
                            "schemas": {"Right": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "format": "uuid"}}}}},
             "paths": {"/rights/{id}": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
               "put": {"security": [{"oauth": ["sp"]}], "parameters": [{"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "integer"}}}],
                       "requestBody": {"$ref": "#/components/requestBodies/Right"}, "responses": {"200": {"description": "ok"}}}}}}
            """);
        var contract = RequestContract.Of(spec, spec.Find("PUT", "/rights/{id}")!);
        Assert.That(contract.Parameters.Select(p => p.Name), Is.EquivalentTo(new[] { "id", "tags" }));
        Assert.That(contract.Parameter("tags")!.SchemaPointer, Is.EqualTo("/paths/~1rights~1{id}/put/parameters/0/schema"));
        Assert.That(contract.Parameter("tags")!.Explode, Is.True, "a query parameter's style is form, exploded");
        Assert.That(contract.Bodies, Is.EqualTo(new[] { ("application/json", (string?)"/components/requestBodies/Right/content/application~1json/schema") }));
        Assert.That(contract.BodyRequired, Is.True);
        var need = contract.Security.Single().Single();
        Assert.That((need.IsBearer, need.Scopes), Is.EqualTo((true, (IReadOnlyList<string>)["sp"])));
    }

    private static Spec Load(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"contract-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, JsonNode.Parse(json)!.ToJsonString());
        return new SpecLoader(new SpecSource(new FetchPolicy())).Load(file, []);
    }
}
