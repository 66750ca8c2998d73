namespace Conformance.Evidence;

/// <summary>
/// Whom a request beyond the ordinary reads belongs to: a check (every check is one), held by reference on the request
/// (<see cref="SentRequest.Owner"/>). Only its owner judges such a request, so a refusal made on purpose is never blamed
/// elsewhere.
/// </summary>
public abstract class RequestOwner
{
    /// <summary>Stable kebab-case id: users put it in baselines, profiles cite it, reports name a request's owner by it.</summary>
    public abstract string Id { get; }

    /// <summary>
    /// The requests made by others (the runner, another check) that this owner reads, by their kind: a request the runner
    /// makes of such a kind (<see cref="PageOrigin.PageZero"/>) belongs to the check that uses it. As Inferno's
    /// <c>uses_request</c>: what is not declared here cannot be read (<see cref="RequestKind"/>).
    /// </summary>
    public virtual IReadOnlyCollection<RequestKind> Uses => [];
}
