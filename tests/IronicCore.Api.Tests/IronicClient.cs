using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Tests;

/// <summary>Raw HTTP to the API, with the headers real clients send, and answers ready to assert on.</summary>
internal sealed class IronicClient(HttpClient http, string? version) : IDisposable
{
    public async Task<Answer> Send(HttpMethod method, string path, string? json = null, string? versionOverride = null, Action<HttpRequestMessage>? tweak = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if ((versionOverride ?? version) is { } v)
        {
            request.Headers.Add("X-OpenStack-Ironic-API-Version", v);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        tweak?.Invoke(request);
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return new Answer(response.StatusCode, body, response.Headers, response.Content.Headers);
    }

    public Task<Answer> Get(string path, string? version = null) => Send(HttpMethod.Get, path, versionOverride: version);

    public Task<Answer> Post(string path, string json, string? version = null) => Send(HttpMethod.Post, path, json, version);

    public Task<Answer> Put(string path, string json, string? version = null) => Send(HttpMethod.Put, path, json, version);

    public Task<Answer> Patch(string path, string json, string? version = null) => Send(HttpMethod.Patch, path, json, version);

    public Task<Answer> Delete(string path, string? version = null) => Send(HttpMethod.Delete, path, versionOverride: version);

    /// <summary>Creates a fake-hardware node and returns its UUID.</summary>
    public async Task<string> CreateNode(string name, string extraFields = "")
    {
        var answer = await Post("/v1/nodes", $"{{\"driver\": \"fake-hardware\", \"name\": \"{name}\"{extraFields}}}").ConfigureAwait(false);
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created), answer.Body);
        return answer.Json["uuid"]!.GetValue<string>();
    }

    public async Task<JsonObject> Node(string ident) => (JsonObject)(await Get($"/v1/nodes/{ident}").ConfigureAwait(false)).Json;

    public async Task<Answer> Provision(string ident, string target, string extra = "") =>
        await Put($"/v1/nodes/{ident}/states/provision", $"{{\"target\": \"{target}\"{extra}}}").ConfigureAwait(false);

    public void Dispose() => http.Dispose();

    internal sealed record Answer(HttpStatusCode Status, string Body, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;

        /// <summary>The faultstring (or the router's description) inside Ironic's double-encoded error body.</summary>
        public string Fault
        {
            get
            {
                var inner = JsonNode.Parse(Json["error_message"]!.GetValue<string>())!;
                return (inner["faultstring"] ?? inner["description"])!.GetValue<string>();
            }
        }

        public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
    }
}
