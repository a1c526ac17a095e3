namespace Smartskola.Core.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Bound from <c>Database:Provider</c> and <c>ConnectionStrings:Default</c>. With no connection string, SQLite
/// uses <c>App_Data/smartskola.db</c> under the content root.
/// </summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = string.Empty;
}
