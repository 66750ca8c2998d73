using System.Text;
using Conformance.Http;

namespace Conformance.Reports;

/// <summary>
/// An HTML document being written. Markup the reporter writes goes in as it is (<see cref="Raw"/>); every value from
/// a run goes through <see cref="Text"/>, which masks the run's secrets and then encodes it, so a body holding
/// <c>&lt;script&gt;</c> is shown, never run.
/// </summary>
internal sealed class HtmlText(IReadOnlyCollection<string> secrets)
{
    private readonly StringBuilder _html = new();

    public HtmlText Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlText Text(string? value)
    {
        // Masked before encoding: encoding changes how a secret is spelt.
        _html.Append(Encode(Redaction.Mask(value ?? "", secrets)));
        return this;
    }

    /// <summary>An id such as ORUK-3.0/service-organization, which a narrow column may break after each slash.</summary>
    public HtmlText Breakable(string value)
    {
        _html.Append(Encode(Redaction.Mask(value, secrets)).Replace("/", "/<wbr>"));
        return this;
    }

    /// <summary>An element holding one value as text; the tag and class are the reporter's own.</summary>
    public HtmlText Element(string tag, string? value, string? cssClass = null) =>
        Raw(cssClass is null ? $"<{tag}>" : $"<{tag} class=\"{cssClass}\">").Text(value).Raw($"</{tag}>");

    /// <summary>
    /// A table cell holding one value, labelled with its column's heading (ours): on a narrow screen a table is shown a
    /// row at a time, each cell on its own line after its label, so no table is ever wider than the page.
    /// </summary>
    public HtmlText Cell(string label, string? value, string? cssClass = null) =>
        Raw($"<td data-label=\"{Encode(label)}\"{(cssClass is null ? "" : $" class=\"{cssClass}\"")}>").Text(value).Raw("</td>");

    /// <summary>A cell's opening tag with its label, for a cell whose content is more than one value.</summary>
    public HtmlText OpenCell(string label, string? cssClass = null) =>
        Raw($"<td data-label=\"{Encode(label)}\"{(cssClass is null ? "" : $" class=\"{cssClass}\"")}>");

    /// <summary>One term and its value in a description list.</summary>
    public HtmlText Pair(string term, string? value) => Element("dt", term).Element("dd", value);

    /// <summary>
    /// Text safe in element content and in quoted attributes. Characters HTML does not allow in text (controls, lone
    /// surrogates) become U+FFFD, so what a server sent cannot unbalance the document either.
    /// </summary>
    public static string Encode(string value)
    {
        var encoded = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                encoded.Append(c).Append(value[++i]);
                continue;
            }
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' or '\n' or '\r' => c.ToString(),
                _ when char.IsControl(c) || char.IsSurrogate(c) => "\uFFFD",
                _ => c.ToString(),
            });
        }
        return encoded.ToString();
    }

    public override string ToString() => _html.ToString();
}
