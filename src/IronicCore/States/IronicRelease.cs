namespace IronicCore.States;

/// <summary>
/// The Ironic release whose defaults, rules and transitions the conductor follows.
/// </summary>
public enum IronicRelease : byte
{
    /// <summary><c>master</c>: Ironic's development branch (the default).</summary>
    [IronicName("master")] Master,

    /// <summary>
    /// <c>21.4</c>: Ironic 21.4 (2023.1), as Debian ships it. It has no hold or service states,
    /// no <c>unhold</c>/<c>service</c> verbs, and neither (<c>wait call-back</c>, <c>abort</c>) nor
    /// (<c>inspect wait</c>, <c>resume</c>).
    /// </summary>
    [IronicName("21.4")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "The release number is the name Ironic users know.")]
    Release21_4,

    /// <summary>
    /// <c>2025.1</c>: Ironic 29.0 (OpenStack 2025.1 "Epoxy"), as Debian 13 ships it. It has the hold and
    /// service states, but neither (<c>wait call-back</c>, <c>abort</c>) nor master's ways out of
    /// <c>service failed</c> (<c>abort</c>, <c>wait</c>, <c>hold</c>) and of <c>service hold</c> (<c>fail</c>),
    /// and its agents cannot look up in <c>service wait</c>.
    /// </summary>
    [IronicName("2025.1")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "The release number is the name Ironic users know.")]
    Release2025_1,
}
