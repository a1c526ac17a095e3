using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Smartskola.Core.Persistence;

/// <summary>
/// One database connection per DI scope, shared by every module's DbContext. Sharing the connection is what lets
/// one transaction span several modules (an enrolment and its audit entry, a whole recipe import) while each
/// module keeps its own DbContext and migrations.
/// </summary>
public sealed class SharedDbConnection(IOptions<DatabaseOptions> options) : IAsyncDisposable, IDisposable
{
    private readonly List<DbContext> _contexts = [];
    private DbConnection? _connection;
    private DbTransaction? _transaction;

    public DatabaseProvider Provider => options.Value.Provider;

    public DbConnection Connection => _connection ??= Create(options.Value);

    public static DbConnection Create(DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(options.ConnectionString),
        DatabaseProvider.Postgres => new NpgsqlConnection(options.ConnectionString),
        _ => throw new InvalidOperationException($"Unknown database provider '{options.Provider}'."),
    };

    /// <summary>
    /// Starts a transaction that every module DbContext in this scope joins, whether it was created before or after.
    /// Dispose without <see cref="DatabaseTransaction.CommitAsync"/> to roll back.
    /// </summary>
    public async Task<DatabaseTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already active in this scope.");
        }

        if (Connection.State != System.Data.ConnectionState.Open)
        {
            await Connection.OpenAsync(cancellationToken);
        }

        _transaction = await Connection.BeginTransactionAsync(cancellationToken);
        foreach (var context in _contexts)
        {
            await context.Database.UseTransactionAsync(_transaction, cancellationToken);
        }

        return new DatabaseTransaction(this, _transaction);
    }

    public bool InTransaction => _transaction is not null;

    /// <summary>
    /// Joins the active transaction (a recipe importing content) or starts one. A joined transaction's commit and
    /// dispose do nothing: its owner decides.
    /// </summary>
    public async Task<DatabaseTransaction> BeginOrJoinTransactionAsync(CancellationToken cancellationToken = default) =>
        _transaction is null
            ? await BeginTransactionAsync(cancellationToken)
            : new DatabaseTransaction(this, _transaction, owned: false);

    internal void Enlist(DbContext context)
    {
        _contexts.Add(context);
        if (_transaction is not null)
        {
            context.Database.UseTransaction(_transaction);
        }
    }

    internal async Task EndTransactionAsync()
    {
        foreach (var context in _contexts)
        {
            await context.Database.UseTransactionAsync(null);
        }

        _transaction = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    public void Dispose() => _connection?.Dispose();
}

public sealed class DatabaseTransaction(SharedDbConnection owner, DbTransaction transaction, bool owned = true)
    : IAsyncDisposable
{
    private bool _completed = !owned;
    private bool _disposed;

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (!owned)
        {
            return;
        }

        await transaction.CommitAsync(cancellationToken);
        _completed = true;
        // Committed is over: the scope's contexts and InTransaction see that now, not only at dispose.
        await owner.EndTransactionAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // Idempotent: a caller may end a transaction early (to write elsewhere) inside an `await using`.
        if (!owned || _disposed)
        {
            return;
        }

        _disposed = true;

        if (_completed)
        {
            // Already detached from the scope by the commit (a later transaction in the scope must stay untouched).
            await transaction.DisposeAsync();
            return;
        }

        try
        {
            await transaction.RollbackAsync();
        }
        catch (System.Data.Common.DbException)
        {
            // The connection is already broken (often the reason we are rolling back); the original error matters.
        }
        finally
        {
            await owner.EndTransactionAsync();
            await transaction.DisposeAsync();
        }
    }
}
