# Shared by the bench scripts; source it after setting root, base, work and duration.

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
