namespace Conformance.Checks;

/// <summary>
/// One thing wrong in one place, said for people: the rule broken, in plain words that name the field and what was
/// expected ("contacts[].name must be text"), the value found there, the record it is in (so a finding can say "in 3
/// of 25 records"), a precise line for the evidence, and a hint: the fix where it is known ("add a time zone"), or
/// what exactly is wrong with the value found. Problems with the same rule are reported together.
/// </summary>
public sealed record Problem(string Rule, string? Found = null, string? Record = null, string? Detail = null, string? Fix = null);
