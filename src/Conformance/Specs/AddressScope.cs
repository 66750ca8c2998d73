using System.Net.Sockets;
using System.Net;

namespace Conformance.Specs;

/// <summary>Where an IP address leads: the public internet, a private network, this machine, or a link's own services.</summary>
public enum AddressScope
{
    Public,
    /// <summary>10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT), fc00::/7.</summary>
    Private,
    /// <summary>127/8, ::1: this machine.</summary>
    Loopback,
    /// <summary>169.254/16 (the cloud metadata address 169.254.169.254 among them), fe80::/10, and AWS's fd00:ec2::254.</summary>
    LinkLocal,
    /// <summary>0.0.0.0/8, ::, multicast, broadcast: no host to ask (0.0.0.0 reaches this machine on Linux).</summary>
    Unroutable,
}

public static class AddressScopes
{
    private static readonly IPAddress AwsMetadataV6 = IPAddress.Parse("fd00:ec2::254");
    private static readonly byte[] Nat64Prefix = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

    public static AddressScope Of(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4(); // ::ffff:127.0.0.1 is 127.0.0.1
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                127 => AddressScope.Loopback,
                0 or >= 224 => AddressScope.Unroutable, // 224/4 multicast, 240/4 reserved and 255.255.255.255
                10 => AddressScope.Private,
                172 when b[1] is >= 16 and <= 31 => AddressScope.Private,
                192 when b[1] == 168 => AddressScope.Private,
                100 when b[1] is >= 64 and <= 127 => AddressScope.Private,
                169 when b[1] == 254 => AddressScope.LinkLocal,
                _ => AddressScope.Public,
            };
        }
        var v6 = address.GetAddressBytes();
        if (v6.AsSpan(0, 12).SequenceEqual(Nat64Prefix)) return Of(new IPAddress(v6.AsSpan(12))); // 64:ff9b::/96 reaches the IPv4 address inside it
        if (IPAddress.IsLoopback(address)) return AddressScope.Loopback;
        if (address.Equals(IPAddress.IPv6None) || address.IsIPv6Multicast) return AddressScope.Unroutable;
        if (address.IsIPv6LinkLocal || address.Equals(AwsMetadataV6)) return AddressScope.LinkLocal;
        if (address.IsIPv6UniqueLocal || address.IsIPv6SiteLocal) return AddressScope.Private;
        return AddressScope.Public;
    }

    /// <summary>How a refusal names the scope, e.g. "a loopback address".</summary>
    public static string Describe(AddressScope scope) => scope switch
    {
        AddressScope.Private => "a private-network address",
        AddressScope.Loopback => "a loopback address (this machine)",
        AddressScope.LinkLocal => "a link-local address (such as the cloud metadata service)",
        AddressScope.Unroutable => "an address no request may go to",
        _ => "a public address",
    };
}
