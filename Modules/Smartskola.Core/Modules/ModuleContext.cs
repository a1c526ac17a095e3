using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Smartskola.Core.Modules;

/// <summary>What a module gets to see while it registers its services.</summary>
public sealed record ModuleContext(IServiceCollection Services, IConfiguration Configuration, IHostEnvironment Environment);
