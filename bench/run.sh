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

# Signs in through the real login form; prints the auth cookie as a Cookie header value.
login() {
  local jar="$work/jar-$1"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$base/logga-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=Smartskola-demo-1" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/logga-in"
  awk '$6 == "ss.auth" { printf "ss.auth=%s", $7 }' "$jar"
}

# wrk once; prints "rps p50 p95 p99" (latencies in ms; p95 comes from bench/percentiles.lua).
measure() {
  local url="$1" cookie="$2"
  local out
  local script="$root/bench/percentiles.lua"
  if [ -n "$cookie" ]; then out=$(wrk -t1 -c8 -d"${duration}s" -s "$script" -H "Cookie: $cookie" "$url"); else out=$(wrk -t1 -c8 -d"${duration}s" -s "$script" "$url"); fi
  echo "$out" | awk '
    /Requests\/sec/ { rps = $2 }
    /^PERCENTILES/ { split($2, a, "="); p50 = a[2]; split($3, b, "="); p95 = b[2]; split($4, c, "="); p99 = c[2] }
    /Non-2xx/ { bad = $NF }
    END { if (bad > 0) { print "ERROR non-2xx responses: " bad > "/dev/stderr"; exit 1 } printf "%.0f %.2f %.2f %.2f\n", rps, p50, p95, p99 }'
}

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
