namespace Conformance.Reference.Defects;

/// <summary>Every defect and trap the harness is measured against, by name.</summary>
public static class DefectCatalogue
{
    public static IReadOnlyList<Defect> All { get; } =
        OpenReferralDefects.Oruk().Concat(OpenReferralDefects.Hsds()).Concat(Open311Defects.All()).Concat(ParkingDefects.All())
            .Concat(Traps.All()).ToList();

    public static IEnumerable<Defect> For(string standard) => All.Where(d => d.Standard == standard);

    public static Defect Find(string name) => All.FirstOrDefault(d => d.Name == name)
        ?? throw new ConfigurationException($"There is no defect '{name}' (conformance defects lists them).");
}
