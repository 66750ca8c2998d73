namespace Conformance.Checks;

/// <summary>Every check the harness has. Profiles cite them by id.</summary>
public static class CheckCatalogue
{
    public static IReadOnlyList<Check> All { get; } =
    [
        new EndpointAnswersCheck(),
        new StatusCodeDocumentedCheck(),
        new ContentTypeJsonCheck(),
        new ResponseSchemaCheck(),
        new RootDocumentCheck(),
        new PaginationEnvelopeCheck(),
        new IdResolvesCheck(),
        new CorsAllowOriginCheck(),
        new AnonymousAccessCheck(),
        new FeedNotEmptyCheck(),
        new ContentTypeDocumentedCheck(),
        new NoServerErrorCheck(),
        new FormatByExtensionCheck(),
        new DateTimeTimezoneCheck(),
        new JurisdictionErrorsCheck(),
        new DeclaredNotImplementedCheck(),
        new FiltersFilterCheck(),
        new PaginationInvariantsCheck(),
        new RequiredFieldsCheck(),
        new NoNullFieldsCheck(),
        new ErrorsRefuseProperlyCheck(),
        new WriteAcceptedCheck(),
        new DataFreshnessCheck(),
        new IdsUniqueCheck(),
        new AttributeOrderUniqueCheck(),
        new ListAttributeValuesCheck(),
        new NoRedirectCheck(),
        new SpecDriftCheck(),
        new PageMetaCheck(),
        new GeographicFilterCheck(),
        new TimeWindowsCheck(),
        new ChangesSinceCheck(),
        new ReferencesResolveCheck(),
        new ExpandCheck(),
        new ValidityPeriodsCheck(),
        new OAuth2ScopesCheck(),
        new VersionsCheck(), // last: it writes, and the record's version changes
    ];

    public static IReadOnlyCollection<string> Ids { get; } = All.Select(c => c.Id).ToHashSet();
}
