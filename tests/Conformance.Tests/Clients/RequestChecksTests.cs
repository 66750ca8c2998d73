using Conformance.Clients.Checks;
using Conformance.Running;

namespace Conformance.Tests.Clients;

/// <summary>Each check of a request, passing and failing, on requests handed to a stand-in session of the Open311 reference.</summary>
public class RequestChecksTests
{
    private static CheckResult One(RunResult result, string check, string operation = "POST /requests.{response_format}") =>
        result.Of(check).Single(r => r.Operation == operation);

    [Test]
    public void The_conforming_exchange_passes_every_check_and_the_scenario()
    {
        var session = ClientFixtures.Session();
        session.PlayWell();
        var result = session.Judge();
        Assert.That(result.Results.Where(r => r.Outcome != Outcome.Pass).Select(r => $"{r.Check} {r.Operation}: {r.Message}"), Is.Empty);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass));
        Assert.That(result.Client!.Role, Is.EqualTo("reporting client"));
    }

    [TestCase("POST /requests.json", "api_key=issued-key&lat=50.7&long=-1.8&attribute%5Bdepth%5D=deep", "service_code is missing (the operation requires it)")]
    [TestCase("POST /requests.json", "api_key=issued-key&service_code=pothole&lat=50%2C72&long=-1.88&attribute%5Bdepth%5D=deep", "lat must be a number; found \"50,72\"")]
    [TestCase("POST /requests.json", "api_key=issued-key&service_code=pothole&lat=50.72&attribute%5Bdepth%5D=deep", "needs one of: lat and long; or address_string; or address_id")]
    [TestCase("POST /requests.csv", "api_key=issued-key&service_code=pothole&lat=50.72&long=-1.8&attribute%5Bdepth%5D=deep", "response_format must be one of xml, json; found \"csv\"")]
    public void Parameters_required_valid_and_together(string request, string form, string problem)
    {
        var session = ClientFixtures.Session();
        session.Send(request, form);
        var result = One(session.Judge(), RequestParametersCheck.CheckId);
        Assert.That((result.Outcome, result.Message), Is.EqualTo((Outcome.Fail, problem)));
    }

    [Test]
    public void Parameters_may_come_in_the_query_as_the_document_declares_them_and_empty_ones_are_absent()
    {
        var session = ClientFixtures.Session();
        session.Send("POST /requests.xml?service_code=pothole&address_string=1+Quay+Street&jurisdiction_id=&api_key=issued-key&attribute%5Bdepth%5D=deep", body: null);
        var result = session.Judge();
        Assert.That(One(result, RequestParametersCheck.CheckId).Outcome, Is.EqualTo(Outcome.Pass));
        Assert.That(One(result, RequestAuthCheck.CheckId).Outcome, Is.EqualTo(Outcome.Pass));
    }

    [TestCase(null, "the body has no Content-Type (label it application/x-www-form-urlencoded)")]
    [TestCase("text/plain", "the body must be labelled application/x-www-form-urlencoded; found \"text/plain\"")]
    public void A_body_is_labelled_with_a_type_the_operation_takes(string? type, string problem)
    {
        var session = ClientFixtures.Session();
        session.Send("POST /requests.json", ClientFixtures.GoodPost, type);
        var result = session.Judge();
        Assert.That((One(result, RequestContentTypeCheck.CheckId).Outcome, One(result, RequestContentTypeCheck.CheckId).Message), Is.EqualTo((Outcome.Fail, problem)));
        Assert.That(result.Results.Where(r => r.Outcome == Outcome.Fail).Select(r => r.Check), Is.EqualTo(new[] { RequestContentTypeCheck.CheckId }),
            "what a body labelled otherwise meant is not guessed: the checks that read arguments step aside");
    }

    [Test]
    public void A_form_labelled_with_a_charset_is_still_a_form()
    {
        var session = ClientFixtures.Session();
        session.Send("POST /requests.json", ClientFixtures.GoodPost, "application/x-www-form-urlencoded; charset=UTF-8");
        Assert.That(One(session.Judge(), RequestContentTypeCheck.CheckId).Outcome, Is.EqualTo(Outcome.Pass));
    }

    [TestCase("service_code=pothole&lat=50.7&long=-1.8&attribute%5Bdepth%5D=deep", "api_key is missing: the operation needs the key the stand-in gave, in the query or the form")]
    [TestCase("api_key=someone-elses&service_code=pothole&lat=50.7&long=-1.8&attribute%5Bdepth%5D=deep", "api_key is not the key the stand-in gave; found another key (masked) (send the key the stand-in printed (and wrote to --ready-file))")]
    public void A_service_request_carries_the_key_the_stand_in_gave(string form, string problem)
    {
        var session = ClientFixtures.Session();
        session.Send("POST /requests.json", form);
        var result = One(session.Judge(), RequestAuthCheck.CheckId);
        Assert.That((result.Outcome, result.Message), Is.EqualTo((Outcome.Fail, problem)));
    }

    [Test]
    public void A_key_sent_is_a_secret_masked_wherever_the_reports_quote_it()
    {
        var session = ClientFixtures.Session();
        session.Send("POST /requests.json", "api_key=real-production-key&service_code=pothole&lat=50.7&long=-1.8&attribute%5Bdepth%5D=deep");
        var result = session.Judge();
        Assert.That(result.Secrets, Does.Contain("real-production-key").And.Contain(ClientFixtures.Key));
        Assert.That(result.Exchanges.Single().RequestExcerpt(result.Secrets), Does.Not.Contain("real-production-key"));
    }

    [TestCase("POST /requests.json", "api_key=issued-key&service_code=pot-hole&lat=50.7&long=-1.8", "service_code must name a service type the server lists; found \"pot-hole\"")]
    [TestCase("GET /services/nothing.json", null, "service_code must name a service type the server lists; found \"nothing\"")]
    [TestCase("GET /services.json?jurisdiction_id=elsewhere.example", null, "jurisdiction_id must name the jurisdiction the endpoint serves; found \"elsewhere.example\"")]
    [TestCase("GET /requests/HB-9999.json", null, "service_request_id must name a service request the server holds; found \"HB-9999\"")]
    [TestCase("GET /tokens/tok-none.json", null, "token_id must name a token the server gave; found \"tok-none\"")]
    public void Ids_a_request_names_exist_in_the_stand_ins_data(string request, string? form, string problem)
    {
        var session = ClientFixtures.Session();
        session.Send(request, form);
        var result = session.Judge();
        var found = result.Of(RequestReferencesCheck.CheckId).Single();
        Assert.That((found.Outcome, found.Message), Is.EqualTo((Outcome.Fail, problem)));
        Assert.That(result.Of(RequestAttributesCheck.CheckId).Where(r => r.Outcome != Outcome.Pass), Is.Empty, "an unknown service has no definition to judge attributes by");
    }

    [Test]
    public void Ids_that_exist_pass_a_service_without_metadata_and_the_reference_s_own_tokens_included()
    {
        var session = ClientFixtures.Session();
        session.Send("GET /services.json?jurisdiction_id=harbourside.example");
        session.Send("POST /requests.json", "api_key=issued-key&service_code=graffiti&address_id=A1");
        session.Send("GET /tokens/tok-7f3a.json");
        session.Send("GET /requests/HB-1003.json");
        Assert.That(session.Judge().Results.Where(r => r.Outcome == Outcome.Fail).Select(r => r.Message), Is.Empty);
    }

    [TestCase("api_key=issued-key&service_code=pothole&lat=50.7&long=-1.8", "attribute[depth] is missing: the definition of pothole marks it required")]
    [TestCase("api_key=issued-key&service_code=pothole&lat=50.7&long=-1.8&attribute%5Bdepth%5D=bottomless", "attribute[depth] must be a key of its values (shallow, deep); found \"bottomless\"")]
    public void A_service_request_gives_the_attributes_its_definition_requires(string form, string problem)
    {
        var session = ClientFixtures.Session();
        session.Send("POST /requests.json", form);
        var result = One(session.Judge(), RequestAttributesCheck.CheckId);
        Assert.That((result.Outcome, result.Message), Is.EqualTo((Outcome.Fail, problem)));
    }

    [Test]
    public void A_multivaluelist_is_given_as_attribute_code_brackets_repeated()
    {
        var session = ClientFixtures.Session();
        session.Send("POST /requests.json", "api_key=issued-key&service_code=streetlight&lat=50.7&long=-1.8&attribute%5Bcolumn%5D=17"
                                            + "&attribute%5Bfault%5D%5B%5D=flicker&attribute%5Bfault%5D%5B%5D=damaged");
        var result = session.Judge();
        Assert.That(One(result, RequestAttributesCheck.CheckId).Outcome, Is.EqualTo(Outcome.Pass), One(result, RequestAttributesCheck.CheckId).Message);
        Assert.That(result.Exchanges.Single().Status, Is.EqualTo(200), "the reference takes it too");
    }

    [TestCase("GET /service_list.json", "a path the standard does not give; found GET \"/service_list.json\"")]
    [TestCase("DELETE /services.json", "DELETE is not a method the standard gives that path; found DELETE \"/services.json\"")]
    public void Each_request_is_an_operation_of_the_standard(string request, string problem)
    {
        var session = ClientFixtures.Session();
        session.Send(request);
        session.Send("OPTIONS /anything");
        var result = session.Judge().Of(RequestOperationCheck.CheckId).Single();
        Assert.That(result.Outcome, Is.EqualTo(Outcome.Fail));
        Assert.That(result.Message, Does.StartWith(problem));
        Assert.That(result.Details, Has.Count.EqualTo(1), "a CORS preflight is the browser's, not judged");
    }
}
