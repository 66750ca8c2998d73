using static Conformance.Drift.DriftDirection;
using static Conformance.Drift.DriftKind;
using static Conformance.Drift.ExampleFrame;

namespace Conformance.Drift;

/// <summary>
/// Every rule drift reports, as data (docs/drift.md is written from this list, and each example is a test). Ids are
/// stable: users put them in baselines.
/// </summary>
public static class DriftRules
{
    private const string Ops = "DRIFT/operations", Req = "DRIFT/requests", Res = "DRIFT/responses", Page = "DRIFT/pagination",
        Ok = "DRIFT/compatible", Doc = "DRIFT/documentation", Read = "DRIFT/readable";

    // ── Operations ────────────────────────────────────────────────────────────────────────────────────────────────

    public static DriftRule OperationMissing { get; } = new("operation-missing", Breaking, Operation, Ops,
        "A path and method the standard requires is not in the document",
        "A client of the standard calls it and the supplier's document says it does not exist. Path parameters are matched by position, so renaming `{id}` is no change.",
        new(Paths, """
            /things:
              get:
                responses:
                  "200": {description: The things.}
            /things/{id}:
              get:
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                responses:
                  "200": {description: One thing.}
            """, """
            /things:
              get:
                responses:
                  "200": {description: The things.}
            """, """
            /things/{thingId}:
              parameters:
                - {name: thingId, in: path, required: true, schema: {type: string}}
              get:
                responses:
                  "200": {description: One thing.}
            /things:
              get:
                responses:
                  "200": {description: The things.}
            """));

    public static DriftRule OperationSecurityAdded { get; } = new("operation-security-added", Breaking, Operation, Ops,
        "An operation demands credentials the standard's does not",
        "A client of the standard sends none and is refused. An operation whose `security` is `[]` (or lists an empty requirement) needs none, whatever the document's default.",
        new(Paths, """
            /things:
              get:
                responses:
                  "200": {description: The things.}
            """, """
            openapi: 3.0.3
            info: {title: example, version: "1"}
            security:
              - apiKey: []
            components:
              securitySchemes:
                apiKey: {type: apiKey, in: header, name: X-Api-Key}
            paths:
              /things:
                get:
                  responses:
                    "200": {description: The things.}
            """, """
            openapi: 3.0.3
            info: {title: example, version: "1"}
            security:
              - apiKey: []
            components:
              securitySchemes:
                apiKey: {type: apiKey, in: header, name: X-Api-Key}
            paths:
              /things:
                get:
                  security: []
                  responses:
                    "200": {description: The things.}
            """));

    public static DriftRule OptionalOperationMissing { get; } = new("optional-operation-missing", Compatible, Operation, Ok,
        "An endpoint the standard makes optional is not in the document",
        "A supplier that does not offer an optional endpoint should leave it out of its document; a client of the standard cannot count on it.",
        new(Paths, """
            /things:
              get:
                responses:
                  "200": {description: The things.}
            /extras:
              get:
                responses:
                  "200": {description: The extras.}
            """, """
            /things:
              get:
                responses:
                  "200": {description: The things.}
            """, """
            openapi: 3.0.3
            info: {title: example, version: "1"}
            components:
              responses:
                Extras: {description: The extras.}
            paths:
              /extras:
                get:
                  responses:
                    "200": {$ref: "#/components/responses/Extras"}
              /things:
                get:
                  responses:
                    "200": {description: The things.}
            """, OptionalPaths: ["/extras"]));

    public static DriftRule OperationAdded { get; } = new("operation-added", Compatible, Operation, Ok,
        "The document has an operation the standard does not",
        "A client of the standard never calls it.",
        new(Paths, """
            /things:
              get:
                responses:
                  "200": {description: The things.}
            """, """
            /things:
              get:
                responses:
                  "200": {description: The things.}
            /things/export:
              get:
                responses:
                  "200": {description: Every thing at once.}
            """, """
            /things: {get: {responses: {"200": {description: The things.}}}}
            """));

    // ── Requests ──────────────────────────────────────────────────────────────────────────────────────────────────

    public static DriftRule RequestParameterRemoved { get; } = new("request-parameter-removed", Breaking, Request, Req,
        "A parameter the standard defines is not accepted",
        "A client of the standard sends it (a filter, say) and the supplier's document does not say what becomes of it. Parameters declared on the path item count for every operation under it.",
        new(ExampleFrame.Parameters, """
            - {name: q, in: query, schema: {type: string}}
            - {name: limit, in: query, schema: {type: integer}}
            """, """
            - {name: limit, in: query, schema: {type: integer}}
            """, """
            openapi: 3.0.3
            info: {title: example, version: "1"}
            components:
              parameters:
                q: {name: q, in: query, required: false, schema: {type: string}}
            paths:
              /things:
                parameters:
                  - $ref: "#/components/parameters/q"
                get:
                  parameters:
                    - {name: limit, in: query, schema: {type: integer}}
                  responses:
                    "200": {description: ok}
            """));

    public static DriftRule RequestParameterRequired { get; } = new("request-parameter-required", Breaking, Request, Req,
        "A parameter the standard leaves optional is required",
        "A client of the standard leaves it out and is refused.",
        new(ExampleFrame.Parameters, """
            - {name: q, in: query, schema: {type: string}}
            """, """
            - {name: q, in: query, required: true, schema: {type: string}}
            """, """
            - name: q
              in: query
              required: false
              schema:
                allOf:
                  - {type: string}
            """));

    public static DriftRule RequestParameterAddedRequired { get; } = new("request-parameter-added-required", Breaking, Request, Req,
        "The document requires a parameter the standard does not define",
        "A client of the standard never sends it. (`Accept`, `Content-Type` and `Authorization` headers are not parameters in OpenAPI, and are not compared.)",
        new(ExampleFrame.Parameters, """
            - {name: q, in: query, schema: {type: string}}
            """, """
            - {name: q, in: query, schema: {type: string}}
            - {name: key, in: query, required: true, schema: {type: string}}
            """, """
            - {name: q, in: query, schema: {type: string}}
            - {name: Accept, in: header, required: true, schema: {type: string}}
            """));

    public static DriftRule RequestParameterSerialisationChanged { get; } = new("request-parameter-serialisation-changed", Breaking, Request, Req,
        "A list parameter is written another way",
        "`ids=a&ids=b` and `ids=a,b` are different requests: a client of the standard writes the list as the standard says. Swagger 2.0's `collectionFormat` and OpenAPI 3's `style` and `explode` are read as the same thing (`multi` is `form`, exploded).",
        new(ExampleFrame.Parameters, """
            - {name: ids, in: query, schema: {type: array, items: {type: string}}}
            """, """
            - {name: ids, in: query, explode: false, schema: {type: array, items: {type: string}}}
            """, """
            swagger: "2.0"
            info: {title: example, version: "1"}
            paths:
              /things:
                get:
                  parameters:
                    - {name: ids, in: query, type: array, items: {type: string}, collectionFormat: multi}
                  responses:
                    "200": {description: ok}
            """));

    public static DriftRule RequestValueNarrowed { get; } = new("request-value-narrowed", Breaking, Request, Req,
        "A parameter or request field accepts fewer values than the standard's",
        "Another type, a format the standard does not ask for, fewer enum values, a tighter bound or pattern, or no null where the standard allows it: a value a client of the standard may send is refused. On integers `exclusiveMinimum: 0` (either OpenAPI version's spelling) is `minimum: 1`.",
        new(ExampleFrame.Parameters, """
            - {name: limit, in: query, schema: {type: integer, minimum: 1}}
            """, """
            - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 50}}
            """, """
            - {name: limit, in: query, schema: {type: integer, minimum: 0, exclusiveMinimum: true}}
            """));

    public static DriftRule RequestFieldRequired { get; } = new("request-field-required", Breaking, Request, Req,
        "A request field the standard leaves optional (or does not define) is required",
        "A client of the standard leaves it out and is refused. `allOf` parts are read together, so required fields may be split across them.",
        new(RequestSchema, """
            type: object
            required: [name]
            properties:
              name: {type: string}
              note: {type: string}
            """, """
            type: object
            required: [name, note]
            properties:
              name: {type: string}
              note: {type: string}
            """, """
            allOf:
              - type: object
                required: [name]
                properties:
                  name: {type: string}
              - properties:
                  note: {type: string}
            """));

    public static DriftRule RequestFieldRemoved { get; } = new("request-field-removed", Breaking, Request, Req,
        "A request field the standard defines is refused",
        "The document's object allows no field it does not name (`additionalProperties: false`) and does not name one the standard defines.",
        new(RequestSchema, """
            type: object
            required: [name]
            properties:
              name: {type: string}
              note: {type: string}
            """, """
            type: object
            required: [name]
            additionalProperties: false
            properties:
              name: {type: string}
            """, """
            type: object
            required: [name]
            additionalProperties: true
            properties:
              note: {type: string}
              name: {type: string}
            """));

    public static DriftRule RequestBodyRequired { get; } = new("request-body-required", Breaking, Request, Req,
        "A request body the standard leaves optional (or does not send) is required",
        "A client of the standard sends none and is refused.",
        new(Paths, """
            /things:
              post:
                requestBody:
                  content:
                    application/json:
                      schema: {type: object}
                responses:
                  "201": {description: Created.}
            """, """
            /things:
              post:
                requestBody:
                  required: true
                  content:
                    application/json:
                      schema: {type: object}
                responses:
                  "201": {description: Created.}
            """, """
            openapi: 3.0.3
            info: {title: example, version: "1"}
            components:
              requestBodies:
                Thing:
                  required: false
                  content:
                    application/json:
                      schema: {type: object}
            paths:
              /things:
                post:
                  requestBody: {$ref: "#/components/requestBodies/Thing"}
                  responses:
                    "201": {description: Created.}
            """));

    public static DriftRule RequestMediaTypeRemoved { get; } = new("request-media-type-removed", Breaking, Request, Req,
        "A request media type the standard sends is not accepted",
        "Media types are compared without their parameters (`; charset=utf-8`); a wildcard (`application/*`) accepts what it covers.",
        new(Paths, """
            /things:
              post:
                requestBody:
                  content:
                    application/json:
                      schema: {type: object}
                    application/x-www-form-urlencoded:
                      schema: {type: object}
                responses:
                  "201": {description: Created.}
            """, """
            /things:
              post:
                requestBody:
                  content:
                    application/json:
                      schema: {type: object}
                responses:
                  "201": {description: Created.}
            """, """
            /things:
              post:
                requestBody:
                  content:
                    application/json; charset=utf-8:
                      schema: {type: object}
                    application/x-www-form-urlencoded:
                      schema: {type: object}
                responses:
                  "201": {description: Created.}
            """));

    public static DriftRule RequestParameterAdded { get; } = new("request-parameter-added", Compatible, Request, Ok,
        "The document accepts an optional parameter the standard does not define",
        "A client of the standard never sends it, and need not.",
        new(ExampleFrame.Parameters, """
            - {name: q, in: query, schema: {type: string}}
            """, """
            - {name: q, in: query, schema: {type: string}}
            - {name: sort, in: query, schema: {type: string}}
            """, """
            - {name: q, in: query, required: false, schema: {type: string}}
            """));

    public static DriftRule RequestAcceptsMore { get; } = new("request-accepts-more", Compatible, Request, Ok,
        "The document accepts more than the standard asks for",
        "More values, an optional parameter or field the standard requires, another media type: every request of the standard's is still accepted.",
        new(ExampleFrame.Parameters, """
            - {name: status, in: query, schema: {type: string, enum: [open, closed]}}
            """, """
            - {name: status, in: query, schema: {type: string, enum: [open, closed, pending]}}
            """, """
            - {name: status, in: query, schema: {type: string, enum: [closed, open]}}
            """));

    public static DriftRule RequestFieldUndocumented { get; } = new("request-field-undocumented", Compatible, Request, Ok,
        "A request field the standard defines is not described by the document (which allows other fields)",
        "A client of the standard may still send it: the document's object allows fields it does not name.",
        new(RequestSchema, """
            type: object
            required: [name]
            properties:
              name: {type: string}
              note: {type: string}
            """, """
            type: object
            required: [name]
            properties:
              name: {type: string}
            """, """
            required: [name]
            properties:
              name: {type: string}
              note: {type: string}
            """));

    public static DriftRule RequestFieldAdded { get; } = new("request-field-added", Compatible, Request, Ok,
        "The document accepts an optional request field the standard does not define",
        "A client of the standard never sends it, and need not.",
        new(RequestSchema, """
            type: object
            required: [name]
            properties:
              name: {type: string}
            """, """
            type: object
            required: [name]
            properties:
              name: {type: string}
              tags: {type: array, items: {type: string}}
            """, """
            type: object
            required: [name]
            properties:
              name: {type: string, minLength: 0}
            """));

    // ── Responses ─────────────────────────────────────────────────────────────────────────────────────────────────

    public static DriftRule ResponseStatusRemoved { get; } = new("response-status-removed", Breaking, Response, Res,
        "A success status the standard answers with is not in the document",
        "A client of the standard waits for it. A range (`2XX`) or `default` in the document answers for the statuses it covers.",
        new(OperationObject, """
            responses:
              "200":
                description: The things.
                content:
                  application/json:
                    schema: {type: array, items: {type: string}}
            """, """
            responses:
              "202": {description: Accepted; the things will follow.}
            """, """
            openapi: 3.0.3
            info: {title: example, version: "1"}
            components:
              responses:
                Things:
                  description: The things.
                  content:
                    application/json:
                      schema: {type: array, items: {type: string}}
            paths:
              /things:
                get:
                  responses:
                    "200": {$ref: "#/components/responses/Things"}
            """));

    public static DriftRule ResponseMediaTypeRemoved { get; } = new("response-media-type-removed", Breaking, Response, Res,
        "A response media type the standard promises is not in the document",
        "A client of the standard reads the body as the standard says (JSON, say); the document answers something else. Compared without parameters.",
        new(OperationObject, """
            responses:
              "200":
                description: The things.
                content:
                  application/json:
                    schema: {type: array, items: {type: string}}
            """, """
            responses:
              "200":
                description: The things.
                content:
                  application/xml:
                    schema: {type: array, items: {type: string}}
            """, """
            responses:
              "200":
                description: The things.
                content:
                  application/json; charset=utf-8:
                    schema: {type: array, items: {type: string}}
            """));

    public static DriftRule ResponseHeaderRemoved { get; } = new("response-header-removed", Breaking, Response, Res,
        "A response header the standard requires is not promised",
        "A client of the standard reads it (a count, a link to the next page).",
        new(OperationObject, """
            responses:
              "200":
                description: The things.
                headers:
                  X-Total-Count: {required: true, schema: {type: integer}}
            """, """
            responses:
              "200":
                description: The things.
            """, """
            openapi: 3.0.3
            info: {title: example, version: "1"}
            components:
              headers:
                Total: {required: true, schema: {type: integer}}
            paths:
              /things:
                get:
                  responses:
                    "200":
                      description: The things.
                      headers:
                        x-total-count: {$ref: "#/components/headers/Total"}
            """));

    public static DriftRule ResponseFieldRemoved { get; } = new("response-field-removed", Breaking, Response, Res,
        "A response field the standard requires is not in the document",
        "A client of the standard reads it. `$ref`s are followed wherever the schema sits.",
        new(ResponseSchema, """
            type: object
            required: [id, name]
            properties:
              id: {type: string}
              name: {type: string}
            """, """
            type: object
            required: [id]
            properties:
              id: {type: string}
            """, """
            openapi: 3.0.3
            info: {title: example, version: "1"}
            components:
              schemas:
                Thing:
                  type: object
                  required: [id, name]
                  properties:
                    id: {$ref: "#/components/schemas/Id"}
                    name: {type: string}
                Id: {type: string}
            paths:
              /things:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Thing"}
            """));

    public static DriftRule ResponseFieldOptional { get; } = new("response-field-optional", Breaking, Response, Res,
        "A response field the standard requires is optional in the document",
        "A client of the standard counts on it being there.",
        new(ResponseSchema, """
            type: object
            required: [id, name]
            properties:
              id: {type: string}
              name: {type: string}
            """, """
            type: object
            required: [id]
            properties:
              id: {type: string}
              name: {type: string}
            """, """
            allOf:
              - type: object
                required: [id]
                properties:
                  id: {type: string}
              - required: [name]
                properties:
                  name: {type: string}
            """));

    public static DriftRule ResponseTypeChanged { get; } = new("response-type-changed", Breaking, Response, Res,
        "A response value has another type than the standard's",
        "A client of the standard reads a string and gets a number. OpenAPI 3.0's `nullable: true` and 3.1's `type: [string, \"null\"]` say the same thing.",
        new(ResponseSchema, """
            type: object
            properties:
              name: {type: string, nullable: true}
            """, """
            type: object
            properties:
              name: {type: integer, nullable: true}
            """, """
            openapi: 3.1.0
            info: {title: example, version: "1"}
            paths:
              /things:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              name: {type: [string, "null"]}
            """));

    public static DriftRule ResponseTypeWidened { get; } = new("response-type-widened", Breaking, Response, Res,
        "A response value may also be of a type the standard does not allow",
        "Null where the standard never sends it, a number where it sends only integers: a client of the standard is not ready for it. An `anyOf` with one branch is that branch.",
        new(ResponseSchema, """
            type: object
            properties:
              name: {type: string}
            """, """
            type: object
            properties:
              name: {type: string, nullable: true}
            """, """
            type: object
            properties:
              name:
                anyOf:
                  - {type: string}
            """));

    public static DriftRule ResponseFormatDropped { get; } = new("response-format-dropped", Breaking, Response, Res,
        "A response value's format is dropped or changed",
        "A client of the standard parses a `date-time`; the document no longer promises one (an `int32` inside an `int64`, or a `float` inside a `double`, is no change for the worse).",
        new(ResponseSchema, """
            type: object
            properties:
              updated: {type: string, format: date-time}
            """, """
            type: object
            properties:
              updated: {type: string}
            """, """
            openapi: 3.0.3
            info: {title: example, version: "1"}
            components:
              schemas:
                Moment: {type: string, format: date-time}
            paths:
              /things:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              updated: {$ref: "#/components/schemas/Moment"}
            """));

    public static DriftRule ResponseEnumWidened { get; } = new("response-enum-widened", Breaking, Response, Res,
        "A response value may take values the standard does not list",
        "A client of the standard handles each listed value and no other. `const` is an enum of one value.",
        new(ResponseSchema, """
            type: object
            properties:
              status: {type: string, enum: [open]}
            """, """
            type: object
            properties:
              status: {type: string, enum: [open, closed]}
            """, """
            openapi: 3.1.0
            info: {title: example, version: "1"}
            paths:
              /things:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              status: {const: open}
            """));

    public static DriftRule ResponseConstraintLoosened { get; } = new("response-constraint-loosened", Breaking, Response, Res,
        "A response value may be longer, shorter, larger or smaller than the standard allows",
        "A bound or pattern of the standard's is loosened or dropped: a client of the standard (a database column of the standard's length, say) is not ready for it.",
        new(ResponseSchema, """
            type: object
            properties:
              name: {type: string, maxLength: 100}
            """, """
            type: object
            properties:
              name: {type: string, maxLength: 200}
            """, """
            type: object
            properties:
              name:
                allOf:
                  - {type: string}
                  - {maxLength: 100}
            """));

    public static DriftRule ResponseFieldNotAllowed { get; } = new("response-field-not-allowed", Breaking, Response, Res,
        "A response holds a field where the standard allows none but its own",
        "The standard's object is closed (`additionalProperties: false`), so a strict client of it refuses anything else.",
        new(ResponseSchema, """
            type: object
            additionalProperties: false
            properties:
              id: {type: string}
            """, """
            type: object
            additionalProperties: false
            properties:
              id: {type: string}
              colour: {type: string}
            """, """
            additionalProperties: false
            properties:
              id: {type: string}
            """));

    public static DriftRule ResponseStatusAdded { get; } = new("response-status-added", Compatible, Response, Ok,
        "The document lists a response status the standard does not",
        "Usually an error the standard leaves undescribed (429, 404). Read the detail: a new success status may surprise a client.",
        new(OperationObject, """
            responses:
              "200": {description: The things.}
            """, """
            responses:
              "200": {description: The things.}
              "429": {description: Too many requests.}
            """, """
            responses:
              200: {description: The things.}
            """));

    public static DriftRule ResponseErrorStatusUndocumented { get; } = new("response-error-status-undocumented", Compatible, Response, Ok,
        "An error status the standard documents is not in the document",
        "The supplier may still answer it; its document does not describe it.",
        new(OperationObject, """
            responses:
              "200": {description: The things.}
              "404": {description: Not found.}
            """, """
            responses:
              "200": {description: The things.}
            """, """
            openapi: 3.0.3
            info: {title: example, version: "1"}
            components:
              responses:
                NotFound: {description: Not found.}
            paths:
              /things:
                get:
                  responses:
                    "200": {description: The things.}
                    "404": {$ref: "#/components/responses/NotFound"}
            """));

    public static DriftRule ResponseMediaTypeAdded { get; } = new("response-media-type-added", Compatible, Response, Ok,
        "The document answers a media type the standard does not",
        "A client of the standard asks for the standard's media type and still gets it.",
        new(OperationObject, """
            responses:
              "200":
                description: The things.
                content:
                  application/json:
                    schema: {type: array, items: {type: string}}
            """, """
            responses:
              "200":
                description: The things.
                content:
                  application/json:
                    schema: {type: array, items: {type: string}}
                  text/csv:
                    schema: {type: string}
            """, """
            responses:
              "200":
                description: The things.
                content:
                  Application/JSON:
                    schema: {type: array, items: {type: string}}
            """));

    public static DriftRule ResponseFieldAdded { get; } = new("response-field-added", Compatible, Response, Ok,
        "A response holds a field the standard does not define",
        "The standard's object allows other fields; a client of the standard ignores it.",
        new(ResponseSchema, """
            type: object
            required: [id]
            properties:
              id: {type: string}
            """, """
            type: object
            required: [id]
            properties:
              id: {type: string}
              colour: {type: string}
            """, """
            type: object
            required: [id]
            additionalProperties: true
            properties:
              id: {type: string}
            """));

    public static DriftRule ResponseFieldUndocumented { get; } = new("response-field-undocumented", Compatible, Response, Ok,
        "An optional response field of the standard's is not in the document",
        "A client of the standard is ready for it to be missing.",
        new(ResponseSchema, """
            type: object
            required: [id]
            properties:
              id: {type: string}
              nickname: {type: string}
            """, """
            type: object
            required: [id]
            properties:
              id: {type: string}
            """, """
            type: object
            properties:
              nickname: {type: string}
              id: {type: string}
            required: [id]
            """));

    public static DriftRule ResponseNarrowed { get; } = new("response-narrowed", Compatible, Response, Ok,
        "A response promises more than the standard: fewer values, a field required, a tighter bound",
        "Every answer the document describes is one the standard allows.",
        new(ResponseSchema, """
            type: object
            properties:
              status: {type: string, enum: [open, closed]}
            """, """
            type: object
            properties:
              status: {type: string, enum: [open]}
            """, """
            type: object
            properties:
              status: {type: string, enum: [closed, open]}
            """));

    // ── Pagination ────────────────────────────────────────────────────────────────────────────────────────────────

    public static DriftRule PaginationChanged { get; } = new("pagination-changed", Breaking, Response, Page,
        "A list's page envelope or page parameters differ from the standard's",
        "A field of the standard's page envelope (`contents`, `total_items`, … as the profile names them) missing or of another type, or a page parameter missing or required: a client of the standard cannot walk the pages. Found on every operation whose answer has the envelope's records field, however its schema is composed (ORUK's `allOf` with `Page` included).",
        new(ResponseSchema, """
            type: object
            properties:
              total_items: {type: integer}
              contents:
                type: array
                items: {type: string}
            """, """
            type: object
            properties:
              totalItems: {type: integer}
              contents:
                type: array
                items: {type: string}
            """, """
            openapi: 3.0.3
            info: {title: example, version: "1"}
            components:
              schemas:
                Page:
                  type: object
                  properties:
                    total_items: {type: integer}
            paths:
              /things:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            properties:
                              contents:
                                type: array
                                items: {type: string}
                            allOf:
                              - $ref: "#/components/schemas/Page"
            """));

    // ── Documentation, and what cannot be judged ──────────────────────────────────────────────────────────────────

    public static DriftRule DocumentationChanged { get; } = new("documentation-changed", Documentation, Operation, Doc,
        "Descriptions, summaries, titles or examples differ",
        "They change no client; counted so a standard's owner can see the document was edited.",
        new(ResponseSchema, """
            type: string
            description: The thing's name.
            """, """
            type: string
            description: What the thing is called.
            """, """
            description: The thing's name.
            type: string
            """));

    public static DriftRule ReferenceUnresolved { get; } = new("reference-unresolved", Unjudged, Response, Read,
        "A schema cannot be read, so it cannot be compared",
        "A `$ref` the fetch rules refuse (give a local copy with --ref-map PREFIX=DIR, or allow its host with --allow-remote-refs), one that names nothing, or one nested too deep. Neither side is blamed: the result is an error, as in a run.",
        new(ResponseSchema, """
            type: object
            properties:
              id: {type: string}
            """, """
            $ref: "https://schemas.example.org/thing.json"
            """, """
            openapi: 3.0.3
            info: {title: example, version: "1"}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    id: {type: string}
            paths:
              /things:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Thing"}
            """));

    public static IReadOnlyList<DriftRule> All { get; } =
    [
        OperationMissing, OperationSecurityAdded, OptionalOperationMissing, OperationAdded,
        RequestParameterRemoved, RequestParameterRequired, RequestParameterAddedRequired, RequestParameterSerialisationChanged,
        RequestValueNarrowed, RequestFieldRequired, RequestFieldRemoved, RequestBodyRequired, RequestMediaTypeRemoved,
        RequestParameterAdded, RequestAcceptsMore, RequestFieldUndocumented, RequestFieldAdded,
        ResponseStatusRemoved, ResponseMediaTypeRemoved, ResponseHeaderRemoved, ResponseFieldRemoved, ResponseFieldOptional,
        ResponseTypeChanged, ResponseTypeWidened, ResponseFormatDropped, ResponseEnumWidened, ResponseConstraintLoosened, ResponseFieldNotAllowed,
        ResponseStatusAdded, ResponseErrorStatusUndocumented, ResponseMediaTypeAdded, ResponseFieldAdded, ResponseFieldUndocumented, ResponseNarrowed,
        PaginationChanged, DocumentationChanged, ReferenceUnresolved,
    ];
}
