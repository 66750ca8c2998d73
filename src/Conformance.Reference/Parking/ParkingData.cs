namespace Conformance.Reference.Parking;

/// <summary>The records a parking reference serves (standards/ID/reference/*.json): the five APDS kinds the NPP uses.</summary>
public sealed class ParkingData
{
    public required ParkingRecords Places { get; init; }
    public required ParkingRecords RightSpecifications { get; init; }
    public required ParkingRecords Rates { get; init; }
    public required ParkingRecords AssignedRights { get; init; }
    public required ParkingRecords Sessions { get; init; }

    public static ParkingData Load(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Reference data folder '{directory}' does not exist.");
        ParkingRecords Read(string name, string className) => ParkingRecords.Load(Path.Combine(directory, name + ".json"), className);
        return new ParkingData
        {
            Places = Read("places", "HierarchyElement"),
            RightSpecifications = Read("right_specs", "RightSpecification"),
            Rates = Read("rates", "RateTable"),
            AssignedRights = Read("assigned_rights", "AssignedRight"),
            Sessions = Read("sessions", "Session"),
        };
    }
}
