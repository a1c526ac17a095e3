#!/usr/bin/env bash
# Adds an EF Core migration to one module for both providers.
#   scripts/add-migration.sh <Module> <MigrationName>     e.g. scripts/add-migration.sh Users AddPhoneVerified
# The module's DbContexts must be named <Prefix>SqliteDbContext / <Prefix>PostgresDbContext; pass the prefix
# with CONTEXT=<Prefix> when it differs from the module name (AuditTrail uses Audit).
set -euo pipefail
module="$1"; name="$2"; prefix="${CONTEXT:-$module}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
project="Modules/Smartskola.$module/Smartskola.$module.csproj"
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project "$project" --startup-project Smartskola.Cms/Smartskola.Cms.csproj \
    --context "${prefix}${provider}DbContext" --output-dir "Migrations/$provider"
done
