namespace IronicCore.Api;

/// <summary>Ironic's <c>[DEFAULT] auth_strategy</c> values that the API serves (Keystone is out of scope).</summary>
public enum AuthStrategy
{
    /// <summary><c>noauth</c>: every request is accepted; tokens are ignored.</summary>
    NoAuth,

    /// <summary><c>http_basic</c>: HTTP basic authentication against a bcrypt htpasswd file (<see cref="IronicApiOptions.HtpasswdFile"/>).</summary>
    HttpBasic,
}
