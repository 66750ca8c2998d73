using System.Globalization;

namespace Conformance.Door;

/// <summary>
/// One number a user may set: the range it must fall in, and the words that say so, the same wherever it is given (a
/// flag, a vendor profile's key). <see cref="Limits"/> declares every one.
/// </summary>
/// <param name="Flag">The flag that sets it (--timeout), or null where no flag of `run` does.</param>
/// <param name="Key">The vendor profile key under limits: that sets it (timeout_seconds), or null where none does.</param>
public sealed record Limit(string? Flag, string? Key, string Words, double Least, double Most, bool AboveLeast = false, bool Whole = false)
{
    public bool Allows(double value) =>
        double.IsFinite(value) && (AboveLeast ? value > Least : value >= Least) && value <= Most && (!Whole || Math.Floor(value) == value);

    /// <summary>The refusal of a value as it was given (its text), under the name it was given by.</summary>
    public string Refusal(string name, string given) => $"{name} must be {Words}, not '{given}'.";

    /// <summary>The refusal of a value already read as a number.</summary>
    public string Refusal(string name, double value) => Refusal(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A number of seconds above 0 and at most <paramref name="most"/> (said as <paramref name="mostInWords"/>, where given).</summary>
    public static Limit Seconds(string? flag, string? key, double most, string? mostInWords = null) =>
        new(flag, key, $"a number of seconds above 0 and at most {mostInWords ?? Number(most)}", 0, most, AboveLeast: true);

    /// <summary>A whole number from <paramref name="least"/> to <paramref name="most"/> (no end said where there is none to speak of) of a unit.</summary>
    public static Limit WholeNumber(string? flag, string? key, int least, int most, string? of = null) =>
        new(flag, key, $"a whole number{(of is null ? "" : $" of {of}")} from {least}{(most == int.MaxValue ? "" : $" to {most}")}", least, most, Whole: true);

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
