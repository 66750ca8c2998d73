using Conformance.Evidence;
using Conformance.Http;

namespace Conformance.Checks;

/// <summary>
/// A resource asked for by extension comes in that format: labelled with one of its media types, and XML
/// preceded by a declaration that names UTF-8 (Open311 "Format Support", "Encoding").
/// </summary>
public sealed class FormatByExtensionCheck : Check
{
    public const string CheckId = "format-by-extension";
    public override string Id => CheckId;
    public override string Title => "The format asked for by extension is the format served";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (run.Format is not { } format) yield break;
        var successes = run.Answered.Where(e => e.IsSuccess).ToList();
        if (successes.Count == 0) yield break;
        var problems = new List<(Exchange, string)>();
        foreach (var exchange in successes)
        {
            var mediaType = exchange.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            if (mediaType is null) problems.Add((exchange, $"no Content-Type header for .{format.Extension}"));
            else if (!format.MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
                problems.Add((exchange, $"asked for .{format.Extension} but Content-Type is '{mediaType}', not {string.Join(" or ", format.MediaTypes)}"));
            if (format.IsXml && !XmlBody.DeclaresUtf8(exchange.Body))
                problems.Add((exchange, "the XML does not start with an XML declaration naming encoding UTF-8"));
        }
        yield return Judge(run, problems, $"Every response asked for as .{format.Extension} is labelled {string.Join(" or ", format.MediaTypes)}"
                                          + (format.IsXml ? " and declares UTF-8." : "."));
    }
}
