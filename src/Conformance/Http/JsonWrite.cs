using RestSharp;

namespace Conformance.Http;

/// <summary>
/// A JSON body to send with PUT, POST or PATCH: only ever a write the user allowed on a test environment
/// (--allow-writes). Sent once, never again on a 401 or a 429.
/// </summary>
public sealed record JsonWrite(string Method, string Body)
{
    internal static Method MethodOf(JsonWrite write) => write.Method switch
    {
        "PUT" => RestSharp.Method.Put,
        "POST" => RestSharp.Method.Post,
        "PATCH" => RestSharp.Method.Patch,
        "DELETE" => RestSharp.Method.Delete,
        _ => throw new ArgumentException($"A write is PUT, POST, PATCH or DELETE, not {write.Method}."),
    };
}
