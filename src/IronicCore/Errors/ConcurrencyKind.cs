namespace IronicCore.Errors;

/// <summary>The actions Ironic caps with <c>max_concurrent_deploy</c> and <c>max_concurrent_clean</c>.</summary>
internal enum ConcurrencyKind
{
    /// <summary>Deploy and rebuild: counts <c>deploying</c> and <c>wait call-back</c>.</summary>
    Deploy,

    /// <summary>Undeploy: counts <c>deleting</c>, <c>cleaning</c> and <c>clean wait</c>.</summary>
    Unprovision,

    /// <summary>Manual clean: counts as undeploy.</summary>
    Clean,
}
