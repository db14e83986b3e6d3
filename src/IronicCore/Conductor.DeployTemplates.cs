using System.Collections.Immutable;
using IronicCore.DeployTemplates;
using IronicCore.Errors;

namespace IronicCore;

// Deploy templates (/v1/deploy_templates): Ironic's API stores them without the conductor's lock;
// a deployment reads those its node's instance traits name (Conducting/Deployment).
public sealed partial class Conductor
{
    /// <summary>Every deploy template (<c>GET /v1/deploy_templates</c>), in creation order, as snapshots.</summary>
    public ImmutableArray<DeployTemplateView> DeployTemplates => [.. context.DeployTemplates.All.Select(t => t.ToView())];

    /// <summary>The deploy template with this UUID or name (<c>GET /v1/deploy_templates/{template}</c>), as a snapshot.</summary>
    /// <param name="ident">A UUID, or a logical name.</param>
    /// <exception cref="DeployTemplateNotFoundException">No template has it (404).</exception>
    /// <exception cref="InvalidUuidOrNameException">It is neither a UUID nor a logical name (400).</exception>
    public DeployTemplateView GetDeployTemplate(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        return context.DeployTemplates.Get(ident).ToView();
    }

    /// <summary>Creates a deploy template (<c>POST /v1/deploy_templates</c>).</summary>
    /// <param name="request">Its fields.</param>
    /// <param name="uuid">Its UUID, or null to draw one from the simulation's seeded randomness.</param>
    /// <exception cref="DeployTemplateDuplicateNameException">Another template has the name (409).</exception>
    /// <exception cref="DeployTemplateAlreadyExistsException">Another template has the UUID (409).</exception>
    /// <exception cref="ArgumentException">No name or steps, a step without args or priority, a UUID that is not one, or <c>extra</c> not a JSON object.</exception>
    public DeployTemplateView CreateDeployTemplate(DeployTemplateRequest request, string? uuid = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return context.DeployTemplates.Create(request, uuid, context.Clock.GetUtcNow()).ToView();
    }

    /// <summary>Replaces a deploy template's fields (<c>PATCH /v1/deploy_templates/{template}</c>); <c>updated_at</c> becomes now.</summary>
    /// <param name="ident">The template's UUID or name.</param>
    /// <param name="update">The wanted fields: start from <see cref="DeployTemplateRequest.From(DeployTemplateView)"/>.</param>
    /// <exception cref="DeployTemplateNotFoundException">No template has the ident (404).</exception>
    /// <exception cref="InvalidUuidOrNameException">The ident is neither a UUID nor a logical name (400).</exception>
    /// <exception cref="DeployTemplateDuplicateNameException">Another template has the new name (409).</exception>
    /// <exception cref="ArgumentException">No name or steps, a step without args or priority, or <c>extra</c> not a JSON object.</exception>
    public DeployTemplateView UpdateDeployTemplate(string ident, DeployTemplateRequest update)
    {
        ArgumentNullException.ThrowIfNull(ident);
        ArgumentNullException.ThrowIfNull(update);
        var template = context.DeployTemplates.Get(ident);
        context.DeployTemplates.Update(template, update, context.Clock.GetUtcNow());
        return template.ToView();
    }

    /// <summary>Deletes a deploy template (<c>DELETE /v1/deploy_templates/{template}</c>) with its steps.</summary>
    /// <exception cref="DeployTemplateNotFoundException">No template has the ident (404).</exception>
    /// <exception cref="InvalidUuidOrNameException">The ident is neither a UUID nor a logical name (400).</exception>
    public void DeleteDeployTemplate(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        context.DeployTemplates.Remove(context.DeployTemplates.Get(ident));
    }
}
