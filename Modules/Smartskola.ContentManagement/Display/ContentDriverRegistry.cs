using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Smartskola.ContentManagement.Handlers;

namespace Smartskola.ContentManagement.Display;

/// <summary>The part and field kinds this site knows, by kind name.</summary>
public sealed class ContentDriverRegistry(IEnumerable<ContentPartDriverRegistration> parts,
    IEnumerable<ContentFieldDriverRegistration> fields, IServiceProvider services)
{
    private readonly Dictionary<string, ContentElementDriver> _parts = parts
        .Select(r => (ContentElementDriver)services.GetRequiredService(r.DriverType)).ToDictionary(d => d.Kind);

    private readonly Dictionary<string, ContentElementDriver> _fields = fields
        .Select(r => (ContentElementDriver)services.GetRequiredService(r.DriverType)).ToDictionary(d => d.Kind);

    public IReadOnlyCollection<ContentElementDriver> Parts => _parts.Values;

    public IReadOnlyCollection<ContentElementDriver> Fields => _fields.Values;

    public ContentElementDriver? Part(string kind) => _parts.GetValueOrDefault(kind);

    public ContentElementDriver? Field(string kind) => _fields.GetValueOrDefault(kind);
}

public sealed record ContentPartDriverRegistration(Type DriverType);

public sealed record ContentFieldDriverRegistration(Type DriverType);

public static class ContentServiceCollectionExtensions
{
    /// <summary>Registers a part kind. Drivers are singletons: they get per-request services from the context.</summary>
    public static IServiceCollection AddContentPart<TDriver>(this IServiceCollection services)
        where TDriver : ContentElementDriver
    {
        services.TryAddSingleton<TDriver>();
        services.AddSingleton(new ContentPartDriverRegistration(typeof(TDriver)));
        return services;
    }

    public static IServiceCollection AddContentField<TDriver>(this IServiceCollection services)
        where TDriver : ContentElementDriver
    {
        services.TryAddSingleton<TDriver>();
        services.AddSingleton(new ContentFieldDriverRegistration(typeof(TDriver)));
        return services;
    }

    public static IServiceCollection AddContentHandler<THandler>(this IServiceCollection services)
        where THandler : ContentHandler =>
        services.AddScoped<ContentHandler, THandler>();
}
