using Conformance.Evidence;
using Conformance.Standards;

namespace Conformance.Checks;

/// <summary>
/// Where a JSON Pointer into a response body falls: which record (for a list, the item's index) and which field,
/// with list positions folded so every record's same field reads alike: "/contents/3/contacts/0/name" is field
/// "contacts[].name" of record 3.
/// </summary>
public static class RecordLocation
{
    public static (string? Record, string Field) Of(string pointer, OperationRole role, Pagination? pagination)
    {
        var tokens = Specs.JsonPointers.Tokens(pointer).ToList();
        string? record = null;
        if (role == OperationRole.List && pagination is not null && tokens.Count >= 2 && pagination.Contents.Contains(tokens[0]) && int.TryParse(tokens[1], out _))
        {
            record = tokens[1];
            tokens = tokens.Skip(2).ToList();
        }
        else if (tokens.Count >= 1 && int.TryParse(tokens[0], out _)) // a body that is a list of records (Open311's lists)
        {
            record = tokens[0];
            tokens = tokens.Skip(1).ToList();
        }
        else if (role is OperationRole.Item) record = "";
        return (record, Field(tokens));
    }

    /// <summary>"contacts", "0", "name" → "contacts[].name"; nothing → "the body".</summary>
    public static string Field(IEnumerable<string> tokens)
    {
        var field = new System.Text.StringBuilder();
        foreach (var token in tokens)
        {
            if (int.TryParse(token, out _)) field.Append("[]");
            else field.Append(field.Length == 0 ? "" : ".").Append(token);
        }
        return field.Length == 0 ? "the body" : field.ToString();
    }
}
