using System.Text.Json;
using IronicCore.Drivers;

namespace IronicCore.Tests.Drivers;

/// <summary>
/// Ironic's RAID configuration check (<c>common/raid.py validate_configuration</c> over
/// <c>raid_config_schema.json</c>): each expected text is what Ironic 21.4's own function
/// answered for the case (jsonschema 4.10.3), and Ironic 29.0's (jsonschema 4.19.2) answered the same.
/// </summary>
[TestFixture]
public sealed class RaidConfigSchemaTests
{
    [TestCase("{}", "RAID config validation error: 'logical_disks' is a required property")]
    [TestCase("{\"logical_disks\": [], \"x\": 1}", "RAID config validation error: Additional properties are not allowed ('x' was unexpected)")]
    [TestCase("{\"x\": 1}", "RAID config validation error: 'logical_disks' is a required property")]
    [TestCase("{\"logical_disks\": \"a\"}", "RAID config validation error: 'a' is not of type 'array'")]
    [TestCase("{\"logical_disks\": []}", "RAID config validation error: [] is too short")]
    [TestCase("{\"logical_disks\": [5]}", "RAID config validation error: 5 is not of type 'object'")]
    [TestCase("{\"logical_disks\": [{\"size_gb\": 10}]}", "RAID config validation error: 'raid_level' is a required property")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": 10, \"foo\": 1, \"bar\": 2}]}", "RAID config validation error: Additional properties are not allowed ('bar', 'foo' were unexpected)")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": 10, \"physical_disks\": [\"a\"]}]}", "RAID config validation error: 'controller' is a dependency of 'physical_disks'")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": 1, \"size_gb\": 10}]}", "RAID config validation error: 1 is not of type 'string'")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"7\", \"size_gb\": 10}]}", "RAID config validation error: '7' is not one of ['JBOD', '0', '1', '2', '5', '6', '1+0', '5+0', '6+0']")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": -1}]}", "RAID config validation error: -1 is less than the minimum of 0")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": \"10\"}]}", "RAID config validation error: '10' is not one of ['MAX']")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": 1.5}]}", "RAID config validation error: 1.5 is not valid under any of the given schemas")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": \"MAX\", \"number_of_physical_disks\": 0}]}", "RAID config validation error: 0 is less than or equal to the minimum of 0")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": \"MAX\", \"number_of_physical_disks\": 2.0}]}", "RAID config validation error: 2.0 is not of type 'integer'")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": \"MAX\", \"disk_type\": \"nvme\"}]}", "RAID config validation error: 'nvme' is not one of ['hdd', 'ssd']")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": \"MAX\", \"is_root_volume\": \"yes\"}]}", "RAID config validation error: 'yes' is not of type 'boolean'")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": 1, \"size_gb\": 10}, {\"size_gb\": 10}]}", "RAID config validation error: 'raid_level' is a required property")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": 10, \"is_root_volume\": true}, {\"raid_level\": \"0\", \"size_gb\": \"MAX\", \"is_root_volume\": true}]}", "Raid config cannot have more than one root volume. 2 root volumes were specified")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": 10, \"controller\": \"c\", \"physical_disks\": [{\"a\": 1}]}]}", "RAID config validation error: {'a': 1} is not of type 'string'")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": 10, \"controller\": \"c\", \"physical_disks\": [\"a\", 1]}]}", "RAID config validation error: ['a', 1] is not valid under any of the given schemas")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": true}]}", "RAID config validation error: True is not valid under any of the given schemas")]
    [TestCase("{\"logical_disks\": [{\"raid_level\": \"1+0\", \"size_gb\": 100, \"volume_name\": \"root\", \"is_root_volume\": true, \"share_physical_disks\": false, \"disk_type\": \"ssd\", \"interface_type\": \"sas\", \"number_of_physical_disks\": 4, \"controller\": \"RAID.1\", \"physical_disks\": [\"d1\", \"d2\"]}]}", null)]
    public void Validation_AnswersAsIronicsValidateConfiguration(string config, string? expected)
    {
        Assert.That(RaidConfigSchema.Error(JsonElement.Parse(config)), Is.EqualTo(expected));
    }

    [Test]
    public void LogicalDiskProperties_AreTheSchemasTen_InItsOrder()
    {
        Assert.That(RaidConfigSchema.LogicalDiskProperties.Select(p => p.Key), Is.EqualTo(new[]
        {
            "raid_level", "size_gb", "volume_name", "is_root_volume", "share_physical_disks", "disk_type", "interface_type",
            "number_of_physical_disks", "controller", "physical_disks",
        }));
    }
}
