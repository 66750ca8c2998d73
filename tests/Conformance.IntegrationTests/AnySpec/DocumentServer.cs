using System.Net;
using System.Net.Sockets;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Conformance.IntegrationTests.AnySpec;

/// <summary>What a request to a <see cref="DocumentServer"/> carried: path, query and every header as received.</summary>
public sealed record Asked(string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, IReadOnlyList<string>> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;
    public bool Accepts(string mediaType) => Header("Accept")?.Contains(mediaType, StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>An answer: status, Content-Type and body text.</summary>
public sealed record Answer(int Status, string ContentType, string Body)
{
    public static Answer Json(string body, string type = "application/json") => new(200, type, body);
    public static Answer NotAcceptable(Asked asked) => new(406, "application/json", $$"""{"message":"cannot give what was asked for"}""");
    public static Answer BadRequest(string why) => new(400, "application/json", $$"""{"message":"{{why}}"}""");
}

/// <summary>
/// A WireMock server on 127.0.0.1 that answers as a small test document says, from a function of the request (its
/// headers included, which the reference server's handler does not see); it records what it was asked.
/// </summary>
public sealed class DocumentServer : IDisposable
{
    private readonly WireMockServer _server;
    private readonly List<Asked> _asked = [];

    public DocumentServer(Func<Asked, Answer> answer)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"], StartAdminInterface = false });
        Url = $"http://127.0.0.1:{port}";
        _server.Given(Request.Create().WithPath(_ => true)).RespondWith(Response.Create().WithCallback(request =>
        {
            var asked = new Asked(request.Path,
                (request.Query ?? new Dictionary<string, WireMockList<string>>()).ToDictionary(q => q.Key, q => q.Value.FirstOrDefault() ?? ""),
                (request.Headers ?? new Dictionary<string, WireMockList<string>>()).ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.ToList(),
                    StringComparer.OrdinalIgnoreCase));
            lock (_asked) _asked.Add(asked);
            var (status, type, body) = answer(asked);
            var message = new ResponseMessage { StatusCode = status };
            message.AddHeader("Content-Type", type);
            message.BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 };
            return message;
        }));
    }

    public string Url { get; }

    public IReadOnlyList<Asked> Received
    {
        get { lock (_asked) return _asked.ToList(); }
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
