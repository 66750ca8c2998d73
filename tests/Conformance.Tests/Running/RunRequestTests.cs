using Conformance.Running;
using Conformance.Vendors;

namespace Conformance.Tests.Running;

/// <summary>The policy every front end gets from the library: defaults, what wins over what, and where writes may go.</summary>
public class RunRequestTests
{
    private static VendorProfile Vendor(TargetEnvironment environment = TargetEnvironment.Production) => new()
    {
        Vendor = "Example Ltd", Product = "Directory", Standard = "oruk-3.0", BaseUrl = "https://api.example.org/oruk",
        Environment = environment, Limits = new VendorLimits { RequestsPerSecond = 2, MaxPages = 7 },
    };

    [Test]
    public void A_vendor_profiles_deadline_applies_unless_a_flag_gives_one()
    {
        var vendor = new VendorProfile { Vendor = "V", Product = "P", Standard = "oruk-3.0", BaseUrl = "https://api.example.org", Limits = new VendorLimits { DeadlineSeconds = 60 } };
        Assert.That(RunRequest.From(Vendor(), new RunOverrides()).Options.Deadline, Is.Null, "no deadline unless one is given");
        Assert.That(RunRequest.From(vendor, new RunOverrides()).Options.Deadline, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(RunRequest.From(vendor, new RunOverrides { DeadlineSeconds = 5 }).Options.Deadline, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Defaults_then_the_vendor_profile_then_the_front_end()
    {
        var plain = RunRequest.From(null, new RunOverrides { Standard = "oruk-3.0", Url = "https://api.example.org" });
        Assert.Multiple(() =>
        {
            Assert.That(plain.Probe.RequestsPerSecond, Is.EqualTo(RunRequest.DefaultRate), "polite by default");
            Assert.That(plain.Probe.Timeout, Is.EqualTo(TimeSpan.FromSeconds(RunRequest.DefaultTimeoutSeconds)));
            Assert.That(plain.Options.MaxPages, Is.EqualTo(RunRequest.DefaultMaxPages));
            Assert.That(plain.Environment, Is.EqualTo(TargetEnvironment.Production));
        });
        var vendor = RunRequest.From(Vendor(), new RunOverrides());
        Assert.That((vendor.Probe.RequestsPerSecond, vendor.Options.MaxPages, vendor.Target.Host), Is.EqualTo((2.0, 7, "api.example.org")));
        var flags = RunRequest.From(Vendor(), new RunOverrides { RequestsPerSecond = 9, MaxPages = 1, Url = "https://staging.example.org" });
        Assert.That((flags.Probe.RequestsPerSecond, flags.Options.MaxPages, flags.Target.Host), Is.EqualTo((9.0, 1, "staging.example.org")), "a flag always wins");
    }

    [Test]
    public void Unlimited_lifts_the_rate_even_over_a_vendor_profile_and_a_harvest_limit_is_passed_on()
    {
        var request = RunRequest.From(Vendor(), new RunOverrides { RequestsPerSecond = RunOverrides.Unlimited, HarvestAll = true, HarvestPages = 12 });
        Assert.That((request.Probe.RequestsPerSecond, request.Options.HarvestPages), Is.EqualTo(((double?)null, 12)));
        Assert.That(RunRequest.From(Vendor(), new RunOverrides()).Options.HarvestPages, Is.EqualTo(RunOptions.DefaultHarvestPages));
    }

    [Test]
    public void The_reference_implementation_is_a_test_environment_served_as_fast_as_it_answers()
    {
        var overrides = new RunOverrides { Standard = "oruk-3.0", Reference = true, AllowWrites = true };
        Assert.That(() => RunRequest.From(null, overrides), Throws.TypeOf<ConfigurationException>().With.Message.Contains("started first"));
        var request = RunRequest.From(null, overrides, new Uri("http://127.0.0.1:5000"));
        Assert.That((request.Environment, request.Probe.RequestsPerSecond), Is.EqualTo((TargetEnvironment.Test, (double?)null)));
    }

    [Test]
    public void Writes_are_refused_for_production_whoever_builds_the_request()
    {
        Assert.That(() => RunRequest.From(Vendor(), new RunOverrides { AllowWrites = true }),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("never sent to production"));
        Assert.That(RunRequest.From(Vendor(TargetEnvironment.Test), new RunOverrides { AllowWrites = true }).Options.AllowWrites, Is.True);
        // Built by hand, without From and without the CLI: the library still refuses before any request.
        var byHand = new RunRequest { StandardId = "oruk-3.0", Target = new Uri("http://127.0.0.1:9"), Options = new RunOptions { AllowWrites = true } };
        Assert.That(() => ConformanceRun.ExecuteAsync(byHand, Fixtures.Profile, Fixtures.Spec), Throws.TypeOf<ConfigurationException>());
    }

    [Test]
    public void Features_and_jurisdictions_are_checked_against_the_standard()
    {
        var request = new RunRequest
        {
            Target = new Uri("http://127.0.0.1:9"),
            Options = new RunOptions { Features = new Dictionary<string, FeatureState> { ["/services"] = FeatureState.NotImplemented } },
        };
        Assert.That(() => request.Validate(Fixtures.Profile), Throws.TypeOf<ConfigurationException>().With.Message.Contains("not an optional endpoint"));
        Assert.That(() => (request with { Options = new RunOptions { OptIns = new HashSet<string> { Conformance.Evidence.OptIn.SeveralJurisdictions } } }).Validate(Fixtures.Profile),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("has no jurisdictions"));
    }

    [Test]
    public void A_reference_that_wants_credentials_is_reached_with_its_own_client_unless_the_profile_gives_others()
    {
        var client = new Auth { Type = AuthType.OAuth2, TokenUrl = "/auth", ClientIdEnv = "REF_ID", ClientSecretEnv = "REF_SECRET" };
        string? Demo(string name) => name switch { "REF_ID" => "demo", "REF_SECRET" => "demo-secret", _ => null };
        var reference = new Uri("http://127.0.0.1:5000");
        var plain = RunRequest.From(null, new RunOverrides { Standard = "npp-1.0", Reference = true }, reference, Demo, client);
        Assert.That(plain.Probe.Credentials.OAuth2!.ClientId, Is.EqualTo("demo"));
        Assert.That(plain.Probe.Credentials.OAuth2.TokenUrl, Is.EqualTo(new Uri("http://127.0.0.1:5000/auth")));
        var elsewhere = RunRequest.From(null, new RunOverrides { Standard = "npp-1.0", Url = "https://npp.example.org" }, null, Demo, client);
        Assert.That(elsewhere.Probe.Credentials.Any, Is.False, "the reference's client goes only to the reference");
        var own = new VendorProfile { Vendor = "V", Product = "P", Standard = "npp-1.0", Reference = true,
            Auth = new Auth { Type = AuthType.Bearer, SecretEnv = "REF_ID" } };
        Assert.That(RunRequest.From(own, new RunOverrides(), reference, Demo, client).Probe.Credentials.Headers.Single().Value, Is.EqualTo("Bearer demo"),
            "a profile's own credentials win");
    }
}
