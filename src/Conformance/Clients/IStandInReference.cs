using System.Text.Json.Nodes;

namespace Conformance.Clients;

/// <summary>
/// The reference implementation a stand-in plays, as the library sees it (the implementations live outside it, in
/// Conformance.Reference): its answer to a request, and questions asked of it in-process for judging (does this service
/// type exist?), which never reach the recording or the manners.
/// </summary>
public interface IStandInReference
{
    StandInAnswer Answer(ArrivingRequest request);

    /// <summary>The reference's answer to a request of its own ("GET /services.json"), as status and data.</summary>
    (int Status, JsonNode? Data) Ask(string method, string pathAndQuery);

    /// <summary>Told where it is served, once it is (a document it serves may name its own address).</summary>
    void ServedAt(Uri url) { }
}
