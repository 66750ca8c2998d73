using System.Text;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Running;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Tests.Open311;

/// <summary>The Open311 GeoReport v2 profile and transcription, loaded once, and XML exchanges for its operations.</summary>
public static class Open311Fixtures
{
    private static readonly Lazy<(Profile, Spec)> Loaded = new(() =>
        ConformanceRun.Prepare("open311-georeport-v2", null, new FetchPolicy(), ConformanceRun.DefaultCatalogue()));

    public static Profile Profile => Loaded.Value.Item1;
    public static Spec Spec => Loaded.Value.Item2;
    public static CheckContext Context => new(Spec, Profile);
    public static ResponseFormat XmlFormat => Profile.Formats!.Values.Single(f => f.Extension == "xml");
    public static ResponseFormat JsonFormat => Profile.Formats!.Values.Single(f => f.Extension == "json");

    /// <summary>The operation at a template path in one format, as the planner makes it.</summary>
    public static SpecOperation Operation(string template, ResponseFormat format) =>
        Planner.InEachFormat(Spec.Find("GET", template)!, Profile.Formats).Single(o => o.Format == format).Operation;

    public static Exchange Exchange(SpecOperation operation, string body, ResponseFormat format, int status = 200,
        string? contentType = null, string purpose = "fetch", string? id = null) => new Exchange
    {
        Operation = operation.Id,
        Purpose = purpose,
        Method = "GET",
        Url = $"http://vendor.test{operation.Path}",
        RequestHeaders = [new("Accept", format.MediaTypes[0])],
        Status = status,
        Body = Encoding.UTF8.GetBytes(body),
        ContentType = contentType ?? format.MediaTypes[0] + "; charset=utf-8",
        Xml = format.IsXml ? new XmlShape(Spec.Root, operation) : null,
    }.Asking(id: id);

    public static OperationRun Run(string template, ResponseFormat format, OperationRole role, params Exchange[] exchanges) =>
        Run(template, format, role, exchanges.Select(Fixtures.Sent).ToArray());

    public static OperationRun Run(string template, ResponseFormat format, OperationRole role, params SentRequest[] requests) =>
        new(Operation(template, format), Profile.TierOf(template), role, requests, Format: format);

    public const string Services = """
        <?xml version="1.0" encoding="UTF-8"?>
        <services>
          <service>
            <service_code>pothole</service_code><service_name>Pothole</service_name><metadata>true</metadata>
            <type>realtime</type><keywords></keywords><group>roads</group>
          </service>
          <service>
            <service_code>42</service_code><service_name>Café bins</service_name><metadata>false</metadata><type>batch</type>
          </service>
        </services>
        """;
}
