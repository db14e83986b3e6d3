using IronicCore.States;

namespace IronicCore.Steps;

/// <summary>How Ironic orders steps of equal priority: by the rank of their interface.</summary>
internal static class StepOrder
{
    /// <summary>
    /// vendor 7 &gt; power 6 &gt; management 5 &gt; firmware 4 &gt; deploy 3 &gt; bios 2 &gt; raid 1 on master;
    /// 21.4 has power 5, management 4, deploy 3, bios 2, raid 1 (no vendor or firmware rank).
    /// </summary>
    public static int InterfaceRank(string @interface, IronicRelease release) => (@interface, release) switch
    {
        ("vendor", IronicRelease.Master) => 7,
        ("power", IronicRelease.Master) => 6,
        ("management", IronicRelease.Master) => 5,
        ("firmware", IronicRelease.Master) => 4,
        ("power", _) => 5,
        ("management", _) => 4,
        ("deploy", _) => 3,
        ("bios", _) => 2,
        ("raid", _) => 1,
        _ => 0,
    };
}
