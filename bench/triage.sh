#!/usr/bin/env bash
# The clinician's triage list ("Mina patienter", /admin/patienter) for one clinician with 5,000 enrolments in the
# unit, on SQLite and on PostgreSQL: p50/p95/p99 server time against a same-size static file served by the same
# app in the same run (shared, noisy machines: read the ratio).
#   bench/triage.sh [seconds-per-target] [enrolments]      (defaults 10, 5000)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
duration="${1:-10}"
count="${2:-5000}"
port="${BENCH_PORT:-5098}"
base="http://127.0.0.1:$port"
clinician="behandlare.norra@demo.smartskola.se"

. "$root/bench/lib.sh"
install_missing wrk postgresql

work="$(mktemp -d /tmp/smartskola-triage.XXXXXX)"
app_pid=""
pg_tools
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
  pg_stop
  rm -rf "$work"
}
trap cleanup EXIT

dotnet publish "$root/Smartskola.Cms" -c Release -o "$work/app" --nologo -v quiet >/dev/null
mkdir -p "$work/app/wwwroot/bench"

# The unit's patients: a mix of recent activity, inactivity and never signed in.
enrolments_recipe "$count" "$clinician" 1 > "$work/enrolments.recipe.json"

# One database: import the enrolments, start the site, measure the list against a static file.
run() {
  local provider="$1" connection="$2"
  local env=(ASPNETCORE_ENVIRONMENT=Production Database__Provider="$provider" ConnectionStrings__Default="$connection"
    Audit__ChainKey=bench-only-chain-key Patients__PersonnummerKey=YmVuY2gtb25seS1wZXJzb25udW1tZXIta2V5LTAxMjM0NTY3
    Patients__AllowTestNumbers=true Recipes__DemoUsers=true Security__AllowHttp=true Lifecycle__Enabled=false Mail__Enabled=false
    Logging__LogLevel__Default=Warning)
  (cd "$work/app" && env "${env[@]}" dotnet Smartskola.Cms.dll --recipe "$work/enrolments.recipe.json" >"$work/import-$provider.log" 2>&1) \
    || { echo "import failed"; cat "$work/import-$provider.log"; exit 1; }
  (cd "$work/app" && exec env "${env[@]}" dotnet Smartskola.Cms.dll --urls "$base" >"$work/app-$provider.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 0.5; done
  local cookie
  cookie="$(login "$clinician")"
  local size
  size=$(curl -s -H "Cookie: $cookie" "$base/admin/patienter" | wc -c)
  head -c "$size" /dev/zero | tr '\0' 'x' > "$work/app/wwwroot/bench/triage.html"
  # One clinician at a time (c1: the server time of one request) and eight at once (c8: with queueing on the cores).
  for connections in 1 8; do
    read -r prps pp50 pp95 pp99 < <(measure "$base/admin/patienter" "$cookie" "$connections")
    read -r srps sp50 sp95 sp99 < <(measure "$base/bench/triage.html" "" "$connections")
    printf '%-10s %6d %3s | %8s %8s %8s %8s | %8s %8s %8s %8s | %s\n' "$provider" "$count" "c$connections" "$prps" "$pp50" "$pp95" "$pp99" \
      "$srps" "$sp50" "$sp95" "$sp99" "$(awk -v a="$pp95" -v b="$sp95" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')"
  done
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
}

printf '%-10s %6s %3s | %8s %8s %8s %8s | %8s %8s %8s %8s | %s\n' database rows conn "list rps" "p50 ms" "p95 ms" "p99 ms" "file rps" "p50 ms" "p95 ms" "p99 ms" "p95 ratio"
run Sqlite "Data Source=$work/bench.db"

pg_start 55450
run Postgres "Host=$work;Port=55450;Username=postgres;Database=postgres"
echo "p95 ratio = triage list p95 divided by the same-size static file's p95, same app, same run"
