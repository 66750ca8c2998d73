using System.Text;

namespace Conformance.Http;

/// <summary>An answer that is a web page (HTML) rather than data: declared as HTML, or a body that opens as an HTML document whatever it is declared as.</summary>
public static class WebPage
{
    public static bool Is(Exchange exchange)
    {
        if (exchange.ContentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true) return true;
        var start = Encoding.UTF8.GetString(exchange.Body, 0, Math.Min(exchange.Body.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}
