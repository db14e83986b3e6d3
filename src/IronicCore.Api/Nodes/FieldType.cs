namespace IronicCore.Api.Nodes;

/// <summary>A writable field's JSON type in Ironic's node schema.</summary>
internal enum FieldType
{
    /// <summary>Computed by Ironic: shown, never written.</summary>
    ReadOnly,

    /// <summary>A string or null.</summary>
    String,

    /// <summary>A boolean (or one of its string forms) or null.</summary>
    Boolean,

    /// <summary>An object or null.</summary>
    Object,

    /// <summary>A UUID or null.</summary>
    Uuid,
}
