#!/usr/bin/env bash
# Export of a form template's answers (CSV, XLSX, FHIR R4) with 100,000 submitted responses, on SQLite and on
# PostgreSQL: rows per second and the server's peak memory. Shared, noisy machines: read the ratios against the
# references measured in the same run — a static file of the same byte size served by the same app (time ratio),
# and the idle process's resident memory just before the export (peak ratio).
#   bench/forms-export.sh [responses] [enrolments]      (defaults 100000, 300)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-100000}"
patients="${2:-300}"
duration=1
port="${BENCH_PORT:-5099}"
pg_port="${BENCH_PG_PORT:-55451}"
base="http://127.0.0.1:$port"
clinician="behandlare.norra@demo.smartskola.se"
template="benchformexport0000000000000001"

. "$root/bench/lib.sh"
install_missing sqlite3 postgresql

work="$(mktemp -d /tmp/smartskola-forms-export.XXXXXX)"
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

# Patients to spread the responses over.
enrolments_recipe "$patients" "$clinician" > "$work/enrolments.recipe.json"

# A ten-question template (every kind of answer, a repeating group, one scale); no single quotes (inlined in SQL).
definition='{"schema":1,"items":[{"id":"f1","type":"shortText","text":"Besvär"},{"id":"f2","type":"singleChoice","text":"Hur ofta?","options":[{"code":"0","text":"Aldrig","score":0},{"code":"1","text":"Ibland","score":1},{"code":"2","text":"Ofta","score":2}]},{"id":"f3","type":"multipleChoice","text":"Var?","options":[{"code":"a","text":"Rygg"},{"code":"b","text":"Nacke"},{"code":"c","text":"Knä"}]},{"id":"f4","type":"yesNo","text":"Sover du bra?"},{"id":"f5","type":"integer","text":"Dagar","min":0,"max":7},{"id":"f6","type":"slider","text":"Smärta","min":0,"max":10,"step":1},{"id":"f7","type":"date","text":"Datum"},{"id":"f8","type":"time","text":"Läggdags","showWhen":{"match":"any","rules":[{"itemId":"f4","operator":"equals","value":"nej"},{"itemId":"f5","operator":"greater","value":"3"}]}},{"id":"f9","type":"longText","text":"Beskriv"},{"id":"f10","type":"repeatingGroup","text":"Träning","items":[{"id":"f11","type":"shortText","text":"Övning"},{"id":"f12","type":"integer","text":"Minuter"}]}],"scoring":{"scales":[{"id":"total","name":"Totalt","method":"sum","itemIds":["f2","f6"],"bands":[{"from":0,"to":5,"label":"Låg"},{"from":6,"to":12,"label":"Hög"}]}]},"nextId":13}'


rss() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$app_pid/status"; }

# One export: resets the peak (clear_refs 5), downloads, reads VmHWM; then the same byte size as a static file.
export_one() {
  local provider="$1" name="$2" query="$3" cookie="$4"
  local url="$base/admin/formular/$template/export?handler=Download&$query"
  curl -s -o /dev/null -H "Cookie: $cookie" "$url&version=999" || true # warm the page (422, no rows)
  echo 5 > "/proc/$app_pid/clear_refs" 2>/dev/null || true
  sleep 1
  local idle; idle=$(rss VmRSS)
  local status size seconds
  read -r status size seconds < <(curl -s -o "$work/out" -H "Cookie: $cookie" -w '%{http_code} %{size_download} %{time_total}\n' "$url")
  [ "$status" = 200 ] || { echo "export $name failed: HTTP $status"; tail -20 "$work/app-$provider.log"; exit 1; }
  local peak; peak=$(rss VmHWM)
  cp "$work/out" "$work/app/wwwroot/bench/export-$name.bin"
  curl -s -o /dev/null "$base/bench/export-$name.bin" # warm
  local static; static=$(curl -s -o /dev/null -w '%{time_total}\n' "$base/bench/export-$name.bin")
  rm -f "$work/app/wwwroot/bench/export-$name.bin"
  printf '%-9s %-12s %8d %10d | %8.2f %9.0f | %8.3f %8.1f | %7d %7d %6.2f\n' "$provider" "$name" "$count" "$size" "$seconds" \
    "$(awk -v c="$count" -v s="$seconds" 'BEGIN { print c / s }')" "$static" "$(awk -v a="$seconds" -v b="$static" 'BEGIN { print (b > 0 ? a / b : 0) }')" \
    "$((idle / 1024))" "$((peak / 1024))" "$(awk -v a="$peak" -v b="$idle" 'BEGIN { print a / b }')"
}

run() {
  local provider="$1" connection="$2" sql="$3"
  local env=(ASPNETCORE_ENVIRONMENT=Production Database__Provider="$provider" ConnectionStrings__Default="$connection"
    Audit__ChainKey=bench-only-chain-key Patients__PersonnummerKey=YmVuY2gtb25seS1wZXJzb25udW1tZXIta2V5LTAxMjM0NTY3
    Patients__AllowTestNumbers=true Recipes__DemoUsers=true Security__AllowHttp=true Lifecycle__Enabled=false Mail__Enabled=false
    Logging__LogLevel__Default=Warning)
  (cd "$work/app" && env "${env[@]}" dotnet Smartskola.Cms.dll --recipe "$work/enrolments.recipe.json" >"$work/import-$provider.log" 2>&1) \
    || { echo "import failed"; cat "$work/import-$provider.log"; exit 1; }
  local started=$SECONDS
  "$sql"
  echo "seeded $count responses on $provider in $((SECONDS - started)) s" >&2
  (cd "$work/app" && exec env "${env[@]}" dotnet Smartskola.Cms.dll --urls "$base" >"$work/app-$provider.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 0.5; done
  local cookie; cookie="$(login "$clinician")"
  export_one "$provider" csv "format=CsvSemicolon" "$cookie"
  export_one "$provider" csv-pseudo "format=CsvSemicolon&pseudonym=true" "$cookie"
  export_one "$provider" xlsx "format=Xlsx" "$cookie"
  export_one "$provider" fhir "format=Fhir" "$cookie"
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
}

# Rows written in bulk with SQL (one statement per table): a template and its version, an assignment and a submitted
# response per row, spread over the northern unit's enrolments.
answers="'{\"f1\":\"Besvär nr ' || n || ' med åäö\",\"f2\":\"' || (n % 3) || '\",\"f3\":[\"a\",\"c\"],\"f4\":\"' || (CASE WHEN n % 2 = 0 THEN 'ja' ELSE 'nej' END) || '\",\"f5\":' || (n % 8) || ',\"f6\":' || (n % 11) || ',\"f7\":\"2026-11-10\",\"f8\":\"22:30\",\"f9\":\"Fritext; med \\\"citat\\\" och =formel ' || n || '\",\"f10\":[{\"f11\":\"Gång\",\"f12\":30},{\"f11\":\"Cykel\",\"f12\":' || (n % 60) || '}]}'"
scores="'[{\"scaleId\":\"total\",\"name\":\"Totalt\",\"value\":' || (n % 3 + n % 11) || ',\"band\":\"' || (CASE WHEN n % 3 + n % 11 <= 5 THEN 'Låg' ELSE 'Hög' END) || '\",\"answered\":2,\"items\":2}]'"

seed_sqlite() {
  sqlite3 "$work/bench.db" <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
INSERT INTO FormTemplates (ContentItemId, OwnerUnitId, Scope, CreatedUtc, Version)
  SELECT '$template', Id, 0, '2026-11-01 08:00:00', '00000000-0000-4000-8000-000000000001' FROM CareUnits WHERE Code = 'rehab-norra';
INSERT INTO FormTemplateVersions (TemplateId, Version, Title, DefinitionJson, PublishedUtc)
  VALUES ('$template', 1, 'Bänkformulär', '$definition', '2026-11-01 08:00:00');
CREATE TEMP TABLE bench_e (rn INTEGER PRIMARY KEY, Id TEXT, UnitId TEXT);
INSERT INTO bench_e (rn, Id, UnitId) SELECT row_number() OVER (ORDER BY Id) - 1, Id, CareUnitId FROM Enrolments
  WHERE CareUnitId = (SELECT Id FROM CareUnits WHERE Code = 'rehab-norra');
CREATE TEMP TABLE seq AS WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < $count) SELECT n FROM s;
INSERT INTO FormAssignments (Id, EnrolmentId, UnitId, TemplateId, TemplateVersion, AvailableOn, Status, CreatedUtc, Reminders)
  SELECT printf('%08X-0000-4000-8000-00000000000A', n), e.Id, e.UnitId, '$template', 1, '2026-11-01', 2, '2026-11-01 08:00:00', 0
  FROM seq JOIN bench_e e ON e.rn = n % (SELECT count(*) FROM bench_e);
INSERT INTO FormResponses (Id, AssignmentId, EnrolmentId, UnitId, TemplateId, TemplateVersion, EntryKey, Status, AnswersJson,
    ScoresJson, ScoringAlgorithm, StartedUtc, SavedUtc, SubmittedUtc, Revision)
  SELECT printf('%08X-0000-4000-8000-00000000000B', n), printf('%08X-0000-4000-8000-00000000000A', n), e.Id, e.UnitId, '$template', 1,
    'form', 1, $answers, $scores, 'smartskola-scoring/1', '2026-11-10 08:00:00', '2026-11-10 08:10:00', '2026-11-10 08:10:00', 1
  FROM seq JOIN bench_e e ON e.rn = n % (SELECT count(*) FROM bench_e);
COMMIT;
SQL
}

seed_postgres() {
  "${as_pg[@]}" psql -q -v ON_ERROR_STOP=1 -h "$work" -p "$pg_port" -U postgres -d postgres <<SQL
BEGIN;
INSERT INTO "FormTemplates" ("ContentItemId", "OwnerUnitId", "Scope", "CreatedUtc", "Version")
  SELECT '$template', "Id", 0, '2026-11-01 08:00:00+00', '00000000-0000-4000-8000-000000000001' FROM "CareUnits" WHERE "Code" = 'rehab-norra';
INSERT INTO "FormTemplateVersions" ("TemplateId", "Version", "Title", "DefinitionJson", "PublishedUtc")
  VALUES ('$template', 1, 'Bänkformulär', '$definition', '2026-11-01 08:00:00+00');
CREATE TEMP TABLE bench_e AS SELECT row_number() OVER (ORDER BY "Id") - 1 AS rn, "Id", "CareUnitId" FROM "Enrolments"
  WHERE "CareUnitId" = (SELECT "Id" FROM "CareUnits" WHERE "Code" = 'rehab-norra');
CREATE TEMP TABLE seq AS SELECT n, md5('a' || n)::uuid AS a, md5('r' || n)::uuid AS r FROM generate_series(1, $count) n;
INSERT INTO "FormAssignments" ("Id", "EnrolmentId", "UnitId", "TemplateId", "TemplateVersion", "AvailableOn", "Status", "CreatedUtc", "Reminders")
  SELECT a, e."Id", e."CareUnitId", '$template', 1, '2026-11-01', 2, '2026-11-01 08:00:00+00', 0
  FROM seq JOIN bench_e e ON e.rn = n % (SELECT count(*) FROM bench_e);
INSERT INTO "FormResponses" ("Id", "AssignmentId", "EnrolmentId", "UnitId", "TemplateId", "TemplateVersion", "EntryKey", "Status",
    "AnswersJson", "ScoresJson", "ScoringAlgorithm", "StartedUtc", "SavedUtc", "SubmittedUtc", "Revision")
  SELECT r, a, e."Id", e."CareUnitId", '$template', 1, 'form', 1, $answers, $scores, 'smartskola-scoring/1',
    '2026-11-10 08:00:00+00', '2026-11-10 08:10:00+00', '2026-11-10 08:10:00+00', 1
  FROM seq JOIN bench_e e ON e.rn = n % (SELECT count(*) FROM bench_e);
COMMIT;
ANALYZE;
SQL
}

printf '%-9s %-12s %8s %10s | %8s %9s | %8s %8s | %7s %7s %6s\n' database export rows bytes "seconds" "rows/s" "static s" "ratio" "idle MB" "peak MB" "peak/idle"
run Sqlite "Data Source=$work/bench.db" seed_sqlite

pg_start "$pg_port"
run Postgres "Host=$work;Port=$pg_port;Username=postgres;Database=postgres" seed_postgres
echo "ratio = export time divided by the time to serve a static file of the same bytes (same app, same run);"
echo "peak/idle = the server's VmHWM during the export (reset before it) divided by its resident memory just before."
