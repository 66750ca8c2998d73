namespace Conformance.Running;

/// <summary>
/// Whose API a run tested, as every report and the console name it: the vendor and product from the vendor profile
/// (outside text: the supplier wrote them), and whether the run was a demonstration, the harness testing its own
/// built-in reference implementation rather than anyone's product.
/// </summary>
public sealed record Supplier(string? Vendor, string? Product, bool Demonstration)
{
    /// <summary>No vendor profile, not the reference implementation: reports name the host.</summary>
    public static Supplier Unnamed { get; } = new(null, null, false);

    /// <summary>
    /// "Product by Vendor" from the profile; without one, the host (and port) of <paramref name="target"/>, or where the
    /// target is a document rather than an API (a drift run's file), the document's name.
    /// </summary>
    public string NameFor(string target) => (Vendor, Product) switch
    {
        ({ Length: > 0 } vendor, { Length: > 0 } product) => $"{product} by {vendor}",
        ({ Length: > 0 } vendor, _) => vendor,
        (_, { Length: > 0 } product) => product,
        _ when Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" => uri.Authority,
        _ when Uri.TryCreate(target, UriKind.Absolute, out var file) && file.IsFile => Path.GetFileName(file.LocalPath) is { Length: > 0 } name ? name : target,
        _ => Path.GetFileName(target) is { Length: > 0 } name ? name : target,
    };

    /// <summary>What a demonstration is, said the same way in every report and on the console.</summary>
    public const string DemonstrationHeading = "A demonstration";

    public const string DemonstrationMeaning =
        "the API tested is the harness's own built-in reference implementation, not a supplier's product. It shows what the harness does and says nothing about any supplier.";

    public const string DemonstrationNotice = DemonstrationHeading + ": " + DemonstrationMeaning;
}
