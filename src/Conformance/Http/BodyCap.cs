namespace Conformance.Http;

/// <summary>
/// The message handler every probe response passes through: it reads the body there, within the cap, as a
/// <see cref="CappedBody"/> (see there). It sits outside the handler that decompresses, so the cap counts the bytes
/// the harness would have to hold, not the bytes on the wire.
/// </summary>
public sealed class BodyCap(long cap) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        var response = await base.SendAsync(request, cancel);
        try
        {
            using var original = response.Content;
            response.Content = await CappedBody.ReadAsync(original, cap, cancel);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
