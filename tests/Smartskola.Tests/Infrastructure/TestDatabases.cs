using Npgsql;
using Smartskola.Core.Persistence;

namespace Smartskola.Tests.Infrastructure;

/// <summary>
/// A fresh database per site under test: a SQLite file in a temp folder, or a new database on the PostgreSQL server
/// that scripts/test.sh starts (its connection string is in SMARTSKOLA_TEST_POSTGRES).
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "SMARTSKOLA_TEST_POSTGRES";

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with scripts/test.sh, which starts PostgreSQL.");

    public static async Task<string> CreateAsync(DatabaseProvider provider, string name)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "smartskola-tests");
            Directory.CreateDirectory(folder);
            return $"Data Source={Path.Combine(folder, $"{name}.db")}";
        }

        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    public static async Task DropAsync(DatabaseProvider provider, string name, string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
