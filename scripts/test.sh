#!/usr/bin/env bash
# Runs every test: unit, integration on SQLite and on PostgreSQL, and the real-browser tests.
# Installs what is missing (PostgreSQL and Chromium from Debian), starts a throw-away PostgreSQL cluster on a
# private Unix socket, and stops and removes it afterwards, whatever happens.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# No build servers or reused MSBuild nodes that would outlive the run.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
# Node.js and npm build the rich-text editor bundle (Modules/Smartskola.ContentManagement/Assets) during dotnet build.
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
# The media library runs libvips, ffprobe/ffmpeg and espeak-ng (Modules/Smartskola.Media).
command -v vipsthumbnail >/dev/null || need+=(libvips-tools)
command -v ffprobe >/dev/null || need+=(ffmpeg)
command -v espeak-ng >/dev/null || need+=(espeak-ng)
# The forms summary PDF (PDFsharp) embeds DejaVu Sans.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Please install as root: apt-get install -y ${need[*]}" >&2; exit 1; }
    sudo_cmd="sudo"
  fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # Debian starts a default cluster when it installs PostgreSQL; we use a private one, so stop that again.
  if [[ " ${need[*]} " == *" postgresql "* ]] && command -v pg_lsclusters >/dev/null; then
    pg_lsclusters -h | awk '$4 == "online" { print $1, $2 }' | while read -r version cluster; do
      $sudo_cmd pg_ctlcluster "$version" "$cluster" stop || true
    done
  fi
fi

pgbin="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
work="$(mktemp -d /tmp/smartskola-pg.XXXXXX)"
port="${SMARTSKOLA_TEST_PG_PORT:-55432}"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$work"
  as_pg=(runuser -u postgres --)
fi

test_pid=""
kill_tree() { local child; for child in $(pgrep -P "$1" 2>/dev/null); do kill_tree "$child"; done; kill "$1" 2>/dev/null || true; }
cleanup() {
  [ -n "$test_pid" ] && kill_tree "$test_pid"
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work" "${TMPDIR:-/tmp}/smartskola-tests"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"${as_pg[@]}" "$pgbin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/data" -l "$work/postgres.log" -w \
  -o "-k $work -p $port -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null
export SMARTSKOLA_TEST_POSTGRES="Host=$work;Port=$port;Username=postgres;Database=postgres;Pooling=true"

log="$work/dotnet-test.log"
# In a subshell of its own so an interrupt can take down the whole tree (test host, Chromium) in cleanup.
( dotnet test Smartskola.sln --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" ) &
test_pid=$!
set +e
wait "$test_pid"
status=$?
set -e
test_pid=""
# A plain closing line that any CI reader understands, summed over all test projects.
awk '/^[[:space:]]*Passed:[[:space:]]+[0-9]+/ { p += $2 } /^[[:space:]]*Failed:[[:space:]]+[0-9]+/ { f += $2 }
     /^[[:space:]]*Skipped:[[:space:]]+[0-9]+/ { s += $2 }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
# CI keeps only the tail of the output, so repeat each failure (name and first lines of its message) last.
if grep -q '^[[:space:]]*Failed [A-Za-z]' "$log"; then
  echo "Failures (repeated from above):"
  awk '/^[[:space:]]*Failed [A-Za-z]/ { n = 25 } n > 0 { print; n-- }' "$log" | cut -c1-300
  awk '/^[[:space:]]*Passed:[[:space:]]+[0-9]+/ { p += $2 } /^[[:space:]]*Failed:[[:space:]]+[0-9]+/ { f += $2 }
       END { printf "%d passed, %d failed\n", p, f }' "$log"
fi
exit "$status"
