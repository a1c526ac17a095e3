#!/usr/bin/env bash
# Throughput and latency of real pages against a static file of the same size served by the same app, measured
# in the same run (the machines are shared and noisy: read the ratio, not the absolute numbers).
#   bench/run.sh [seconds-per-target]      (default 10)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
duration="${1:-10}"
port="${BENCH_PORT:-5099}"
base="http://127.0.0.1:$port"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

work="$(mktemp -d /tmp/smartskola-bench.XXXXXX)"
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet publish "$root/Smartskola.Cms" -c Release -o "$work/app" --nologo -v quiet >/dev/null
mkdir -p "$work/app/wwwroot/bench"
(
  cd "$work/app"
  ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__Default="Data Source=$work/bench.db" \
  Audit__ChainKey="bench-only-chain-key" \
  Patients__PersonnummerKey="YmVuY2gtb25seS1wZXJzb25udW1tZXIta2V5LTAxMjM0NTY3" \
  Recipes__DemoUsers=true \
  Security__AllowHttp=true \
  Logging__LogLevel__Default=Warning \
  exec dotnet Smartskola.Cms.dll --urls "$base" >"$work/app.log" 2>&1
) &
app_pid=$!
for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$base/health" >/dev/null || { echo "site did not start"; cat "$work/app.log"; exit 1; }

. "$root/bench/lib.sh"

printf '%-16s %8s | %10s %8s %8s %8s | %10s %8s %8s %8s | %s\n' page bytes "page rps" "p50 ms" "p95 ms" "p99 ms" "static rps" "p50 ms" "p95 ms" "p99 ms" "ratio"
grep -v '^\s*#' "$root/bench/pages.txt" | while read -r name path account; do
  [ -z "$name" ] && continue
  cookie=""
  [ "$account" != "-" ] && cookie="$(login "$account")"
  size=$(curl -s -H "Cookie: $cookie" "$base$path" | wc -c)
  head -c "$size" /dev/zero | tr '\0' 'x' > "$work/app/wwwroot/bench/$name.html"
  read -r prps pp50 pp95 pp99 < <(measure "$base$path" "$cookie")
  read -r srps sp50 sp95 sp99 < <(measure "$base/bench/$name.html" "")
  ratio=$(awk -v a="$prps" -v b="$srps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '%-16s %8d | %10s %8s %8s %8s | %10s %8s %8s %8s | %s\n' "$name" "$size" "$prps" "$pp50" "$pp95" "$pp99" "$srps" "$sp50" "$sp95" "$sp99" "$ratio"
done
echo "ratio = page requests/s divided by same-size static file requests/s, same app, same run"
