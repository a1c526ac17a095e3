namespace Smartskola.Core.Persistence;

/// <summary>Marks a module DbContext for the start-up migrator, in module order.</summary>
public sealed record ModuleDbContextRegistration(Type ContextType, string ModuleName);
