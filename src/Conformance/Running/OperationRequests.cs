using Conformance.Evidence;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// The requests of one operation as they go out: each asks for the operation's format, or every type it documents (an
/// XML answer is read as the JSON its response schema describes), carries the operation's header parameters, and is
/// recorded as sent, with what the runner knows of it (page, record, owner).
/// </summary>
internal sealed class OperationRequests(Sending sending, Spec spec, SpecOperation operation, ResponseFormat? format,
    IReadOnlyList<KeyValuePair<string, string>> headers)
{
    private readonly string _accept = format?.MediaTypes[0] ?? operation.Accept;
    private readonly XmlShape? _xml = format is { IsXml: true } ? new XmlShape(spec.Root, operation) : null;

    /// <summary>Every request sent so far, in order.</summary>
    public List<SentRequest> Sent { get; } = [];

    public CancellationToken Cancel => sending.Cancel;

    /// <summary>Sends one request and records it: <paramref name="owner"/> is the check it is for, null for an ordinary read.</summary>
    public async Task<SentRequest> SendAsync(ProbeRequest request, RequestOwner? owner = null)
    {
        sending.Report(request.Purpose);
        var exchange = await sending.Probe.GetAsync(operation.Id, request.Purpose, request.Url, request.Anonymous, sending.Cancel, _accept, _xml,
            request.Form, [.. headers, .. request.Headers], request.Write, request.Scope);
        var sent = new SentRequest(exchange) { Page = request.Page, RecordId = request.RecordId, Owner = owner, Kind = request.Kind, Tag = request.Tag };
        Sent.Add(sent);
        return sent;
    }
}
