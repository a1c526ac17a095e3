# Shared by the bench scripts; source it early: the functions read root, base, work and duration when called.

# Installs what is missing: install_missing COMMAND-OR-PACKAGE… ("postgresql" is checked by its initdb).
install_missing() {
  local need=() sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  for package in "$@"; do
    case "$package" in
      postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql) ;;
      *) command -v "$package" >/dev/null || need+=("$package") ;;
    esac
  done
  if [ ${#need[@]} -gt 0 ]; then
    $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

# A private PostgreSQL cluster in $work/pg for one run. pg_tools sets pgbin and as_pg (the server refuses to run as
# root); pg_start PORT starts it listening only on a socket in $work; pg_stop (for the cleanup trap) stops it.
pg_tools() {
  pgbin="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
  as_pg=()
  [ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
  return 0
}

pg_start() {
  mkdir -p "$work/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work" "$work/pg"
  "${as_pg[@]}" "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/log" -w -o "-k $work -p $1 -c listen_addresses=''" start >/dev/null
}

pg_stop() {
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
}

# A recipe (on stdout) enrolling COUNT demo patients with CLINICIAN at rehab-norra: valid test personnummer
# (födelsenummer 980–999), start dates over the last 300 days; with MIXED_ACTIVITY=1 a mix of recent activity,
# inactivity and never signed in. enrolments_recipe COUNT CLINICIAN [MIXED_ACTIVITY]
enrolments_recipe() {
  awk -v n="$1" -v clinician="$2" -v mixed="${3:-0}" 'function luhn(d,   i, s, v) { s = 0
      for (i = 1; i <= length(d); i++) { v = substr(d, i, 1) * (i % 2 == 1 ? 2 : 1); s += int(v / 10) + v % 10 }
      return (10 - s % 10) % 10 }
    BEGIN {
      print "{ \"name\": \"Bänk: " n " inskrivningar\", \"steps\": [ { \"name\": \"enrolments\", \"enrolments\": ["
      for (i = 0; i < n; i++) {
        y = 1940 + i % 60; m = 1 + int(i / 60) % 12; d = 1 + int(i / 720) % 28; serial = 980 + int(i / 20160) % 20
        nine = sprintf("%02d%02d%02d%03d", y % 100, m, d, serial)
        active = (mixed != 1 || i % 5 == 0) ? "" : sprintf(", \"lastActiveDaysAgo\": %d", i % 23)
        printf "%s{ \"personnummer\": \"%04d%02d%02d-%03d%d\", \"givenName\": \"Bänk%d\", \"familyName\": \"Patient\", \"unit\": \"rehab-norra\", \"clinician\": \"%s\", \"policy\": \"Scheduled\", \"initialModules\": 2, \"intervalDays\": 7, \"startDaysAgo\": %d%s }\n", (i ? "," : ""), y, m, d, serial, luhn(nine), i, clinician, i % 300, active
      }
      print "] } ] }"
    }'
}

# Signs in through the real login form; prints the auth cookie as a Cookie header value.
login() {
  local jar="$work/jar-$1"
  local token
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$base/logga-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=Smartskola-demo-1" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/logga-in"
  awk '$6 == "ss.auth" { printf "ss.auth=%s", $7 }' "$jar"
}

# wrk once: measure URL COOKIE [CONNECTIONS=8]; prints "rps p50 p95 p99" (ms; percentiles from bench/percentiles.lua).
measure() {
  local url="$1" cookie="$2" connections="${3:-8}"
  local out
  local script="$root/bench/percentiles.lua"
  if [ -n "$cookie" ]; then out=$(wrk -t1 -c"$connections" -d"${duration}s" -s "$script" -H "Cookie: $cookie" "$url"); else out=$(wrk -t1 -c"$connections" -d"${duration}s" -s "$script" "$url"); fi
  echo "$out" | awk '
    /Requests\/sec/ { rps = $2 }
    /^PERCENTILES/ { split($2, a, "="); p50 = a[2]; split($3, b, "="); p95 = b[2]; split($4, c, "="); p99 = c[2] }
    /Non-2xx/ { bad = $NF }
    END { if (bad > 0) { print "ERROR non-2xx responses: " bad > "/dev/stderr"; exit 1 } printf "%.0f %.2f %.2f %.2f\n", rps, p50, p95, p99 }'
}
