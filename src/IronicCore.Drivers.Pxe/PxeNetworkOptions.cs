namespace IronicCore.Drivers.Pxe;

/// <summary>
/// A provisioning network: its DHCP pool, its boot servers and the link agents download images
/// over. These describe the simulated site, not Ironic's configuration (that stays in
/// <see cref="Configuration.ConductorOptions"/>). Immutable; checked by <see cref="PxeConductorExtensions.AddPxeNetwork"/>.
/// </summary>
public sealed record PxeNetworkOptions
{
    /// <summary>The network's name, quoted in errors. Default <c>provisioning</c>.</summary>
    public string Name { get; init; } = "provisioning";

    /// <summary>How many addresses the DHCP pool hands out. Default 1024. At least 1.</summary>
    public int AddressCount { get; init; } = 1024;

    /// <summary>The first address of the pool (IPv4). Default 10.1.0.10.</summary>
    public string FirstAddress { get; init; } = "10.1.0.10";

    /// <summary>How long a lease lasts; an expired lease is taken back when the pool runs dry. Default 1 day.</summary>
    public TimeSpan LeaseTime { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The TFTP server (DHCP <c>next-server</c>). Default 10.1.0.1.</summary>
    public string NextServer { get; init; } = "10.1.0.1";

    /// <summary>Ironic's <c>[deploy] http_url</c>, where iPXE clients find <c>boot.ipxe</c>. Default http://10.1.0.1:8080.</summary>
    public string HttpUrl { get; init; } = "http://10.1.0.1:8080";

    /// <summary>
    /// Whether the network's default boot interface (<see cref="PxeNetwork.Boot"/>) is <c>ipxe</c>
    /// (plain PXE clients chain-load iPXE) rather than <c>pxe</c>; nodes may ask for either. Default false.
    /// </summary>
    public bool Ipxe { get; init; }

    /// <summary>The link's capacity, shared fairly among concurrent downloads. Default 10 Gb/s. Positive.</summary>
    public double LinkBitsPerSecond { get; init; } = 10e9;

    /// <summary>The instance image's size. Default 2 GiB. Positive.</summary>
    public long ImageSizeBytes { get; init; } = 2L << 30;

    /// <summary>
    /// The agent's kernel and ramdisk together, fetched over the link each time a machine boots
    /// into the agent. Default 420 MiB (an IPA kernel and its ramdisk). Positive.
    /// </summary>
    public long RamdiskSizeBytes { get; init; } = 420L << 20;

    /// <summary>The image checksum's algorithm: <c>md5</c>, <c>sha256</c> or <c>sha512</c>, as Ironic supports. Default sha256.</summary>
    public string ChecksumAlgorithm { get; init; } = "sha256";

    /// <summary>How fast the agent reads the written image back to verify it. Default 1 GB/s. Positive.</summary>
    public double VerifyBytesPerSecond { get; init; } = 1e9;

    /// <summary>The probability that a download arrives corrupted (its checksum then fails). Default 0.</summary>
    public double CorruptionProbability { get; init; }

    /// <summary>Seeds the corruption draws.</summary>
    public ulong Seed { get; init; }
}
