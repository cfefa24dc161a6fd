#!/usr/bin/env bash
# tayori's benchmark: one announcement to N subscribers over real SMTP, against Postfix's smtp-sink,
# compared in the same run with smtp-source -d (the raw SMTP limit of this machine), and the time to
# plan the due workbook lessons among ENROLLED enrolled subscribers.
#
#   bash bench/run.sh                      # N=100000, 8 connections, 1,000,000 enrolled
#   N=20000 ENROLLED=200000 bash bench/run.sh
#   DKIM=1 bash bench/run.sh               # every mail DKIM-signed (a new RSA-2048 key; DKIM=2: and Ed25519)
#
# Everything it writes goes to bench/work/ (deleted at the start of each run).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-100000}
CONNECTIONS=${CONNECTIONS:-8}
ENROLLED=${ENROLLED:-1000000}
HEAP=${HEAP:-256m}
PORT=${PORT:-25250}
WORK=bench/work

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
# smtp-sink and smtp-source come with Postfix; sqlite3 builds the million-subscriber database.
if ! command -v smtp-sink >/dev/null 2>&1 && [ ! -x /usr/sbin/smtp-sink ] || ! command -v sqlite3 >/dev/null 2>&1; then
  echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postfix sqlite3
fi
export PATH="$PATH:/usr/sbin"

if [ ! -f target/tayori.jar ] || [ -n "$(find src pom.xml -newer target/tayori.jar -print -quit)" ]; then
  mvn -q -DskipTests package
fi

rm -rf "$WORK"
mkdir -p "$WORK/no-articles"
export TAYORI_DATABASE_URL="jdbc:sqlite:$WORK/bench.db"
export TAYORI_SMTP_HOST=127.0.0.1 TAYORI_SMTP_PORT=$PORT TAYORI_SMTP_CONNECTIONS=$CONNECTIONS
export TAYORI_WEB_BASE_URL=https://letters.example.jp
export TAYORI_SENDER_NAME="こころの便り" TAYORI_SENDER_EMAIL=letters@example.jp
export TAYORI_SENDER_POSTAL_ADDRESS="〒150-0001 東京都渋谷区神宮前1-2-3" TAYORI_SENDER_CONTACT=support@example.jp
export TAYORI_ARTICLES_DIR="$WORK/no-articles"
tayori() { java "-Xmx$HEAP" -jar target/tayori.jar "$@"; }
DKIM=${DKIM:-0}
if [ "$DKIM" != "0" ]; then
  # a key made for this run, as an operator would: tayori dkim keygen, then the settings it prints
  tayori dkim keygen --domain example.jp --selector bench --out "$WORK/dkim-rsa.pem" > "$WORK/dkim.log"
  export TAYORI_DKIM_SELECTOR=bench TAYORI_DKIM_PRIVATE_KEY="$WORK/dkim-rsa.pem"
  if [ "$DKIM" = "2" ]; then
    tayori dkim keygen --domain example.jp --selector bench-ed --out "$WORK/dkim-ed.pem" --type ed25519 >> "$WORK/dkim.log"
    export TAYORI_DKIM_ED25519_SELECTOR=bench-ed TAYORI_DKIM_ED25519_PRIVATE_KEY="$WORK/dkim-ed.pem"
  fi
  echo "DKIM: every mail signed ($( [ "$DKIM" = "2" ] && echo "RSA-2048 and Ed25519" || echo "RSA-2048" ))"
else
  echo "DKIM: off (DKIM=1 bash bench/run.sh signs every mail)"
fi
now_ms() { date +%s%3N; }
sink_pid=""
trap '[ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null || true' EXIT

# --- 1. import N subscribers from CSV (with three bad rows, reported by line and skipped)
{
  echo "email,name"
  seq 1 "$N" | awk '{ printf "reader%d@example.jp,読者%d\n", $1, $1 }'
  echo "not-an-address,壊れた行"
  echo "two@@example.jp,壊れた行"
  echo "reader1@example.jp,重複"
} > "$WORK/readers.csv"
t0=$(now_ms)
tayori subscribers import "$WORK/readers.csv" --consent-source "benchmark" > "$WORK/import.log" 2>&1
t1=$(now_ms)
import_ms=$((t1 - t0))
echo "import: $N rows in $((import_ms))ms, $(grep -c 'row skipped' "$WORK/import.log" || true) bad rows reported by line"
tail -n 3 "$WORK/import.log" | sed 's/^/  /'

# --- 2. the size of one mail of the mailing, captured by smtp-sink
mkdir -p "$WORK/dump"
chmod 777 "$WORK/dump"   # smtp-sink writes as the unprivileged user it switches to
smtp-sink -u nobody -d "$WORK/dump/%H%M%S." "127.0.0.1:$PORT" 64 &
sink_pid=$!
sleep 1
tayori campaigns test-send course-early-booking --to sample@example.jp > /dev/null
sleep 1
kill "$sink_pid"; wait "$sink_pid" 2>/dev/null || true; sink_pid=""
size=$(find "$WORK/dump" -type f -exec wc -c {} + | awk 'NR==1 { print $1 }')
echo "one mail: ${size} bytes as captured"

# --- 3. tayori: the announcement to all N, CONNECTIONS connections, heap capped at HEAP
smtp-sink -u nobody "127.0.0.1:$PORT" 256 &
sink_pid=$!
sleep 1
at=$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:00Z)
after=$(date -u -d "$at + 1 minute" +%Y-%m-%dT%H:%M:00Z)
tayori campaigns schedule course-early-booking --at "$at" --segment all > /dev/null
t0=$(now_ms)
java "-Xmx$HEAP" -jar target/tayori.jar send-due --at "$after" > "$WORK/send.log" 2>&1 &
java_pid=$!
# Heap in use (young + old generations) from one jstat sampling every 250 ms, and the process's
# peak resident set (VmHWM, which only grows) read every half second: no JVM is started per sample,
# which would take CPU from what is measured.
jstat -gc "$java_pid" 250 > "$WORK/jstat.log" 2>/dev/null &
jstat_pid=$!
( while kill -0 "$java_pid" 2>/dev/null; do
    grep '^VmHWM:' "/proc/$java_pid/status" 2>/dev/null || true
    sleep 0.5
  done ) > "$WORK/rss.log" &
sampler_pid=$!
status=0
wait "$java_pid" || status=$?
t1=$(now_ms)
kill "$jstat_pid" 2>/dev/null || true
wait "$sampler_pid" 2>/dev/null || true
peak_rss_kb=$(awk '{ if ($2 > max) max = $2 } END { printf "%d", max }' "$WORK/rss.log")
peak_heap_kb=$(awk '$1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%d", max }' "$WORK/jstat.log")
send_ms=$((t1 - t0))
cat "$WORK/send.log" | sed 's/^/  /'
sent=$(grep -o 'course-early-booking: planned [0-9]*, sent [0-9]*' "$WORK/send.log" | awk '{ print $NF }')
if [ "$status" -ne 0 ] || [ "$sent" != "$N" ]; then
  echo "FAILED: send-due exited $status and sent ${sent:-0} of $N" >&2
  exit 1
fi
tayori_rate=$(awk -v n="$N" -v ms="$send_ms" 'BEGIN { printf "%.0f", n * 1000 / ms }')
sending_ms=$(grep -o 'sending [0-9,]* ms' "$WORK/send.log" | tr -dc '0-9')
echo "tayori: $N mails in ${send_ms}ms end to end (JVM start, planning $N rows, rendering, SMTP)" \
  "with $CONNECTIONS connections = $tayori_rate mails/s;" \
  "the sending phase alone: $(awk -v n="$N" -v ms="$sending_ms" 'BEGIN { printf "%.0f", n * 1000 / ms }') mails/s"
echo "memory: peak heap in use $((peak_heap_kb / 1024)) MiB (-Xmx$HEAP), peak RSS $((peak_rss_kb / 1024)) MiB"

# --- 4. smtp-source -d: the same number of mails of the same size over 8 reused sessions
t0=$(now_ms)
smtp-source -d -s "$CONNECTIONS" -m "$N" -l "$size" -f letters@example.jp -t reader@example.jp "127.0.0.1:$PORT"
t1=$(now_ms)
source_ms=$((t1 - t0))
kill "$sink_pid"; wait "$sink_pid" 2>/dev/null || true; sink_pid=""
source_rate=$(awk -v n="$N" -v ms="$source_ms" 'BEGIN { printf "%.0f", n * 1000 / ms }')
echo "smtp-source -d -s $CONNECTIONS: $N mails of $size bytes in ${source_ms}ms = $source_rate mails/s"
echo "ratio: tayori reaches $(awk -v a="$tayori_rate" -v b="$source_rate" 'BEGIN { printf "%.0f", 100 * a / b }')% of smtp-source's rate (target: at least 40%)"

# --- 5. planning the due workbook lessons among ENROLLED enrolled subscribers, twice:
#   a list that grew over time: ENROLLED enrolled, ACTIVE of them still in the 7-day workbook (the
#   rest finished it), their next lessons spread over the coming week's 07:00 JST mornings;
#   the worst case: all ENROLLED in the workbook at once, one in seven due on the morning.
ACTIVE=${ACTIVE:-20000}
day0=$(TZ=Asia/Tokyo date -d 'tomorrow 07:00' +%s)
plan_at=$(date -u -d "@$day0" +%Y-%m-%dT%H:%M:00Z)
enrolled_db() { # $1: file, $2: how many are still in the workbook
  export TAYORI_DATABASE_URL="jdbc:sqlite:$1"
  tayori campaigns list > /dev/null   # creates the schema
  sqlite3 "$1" > /dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $ENROLLED)
INSERT INTO subscribers (id, email, email_key, name, status, time_zone, unsubscribe_token, created_at, confirmed_at)
SELECT i, 'enrolled' || i || '@example.jp', 'enrolled' || i || '@example.jp', '', 'confirmed', 'Asia/Tokyo',
       'token' || i, ($day0 - 86400 * 8) * 1000, ($day0 - 86400 * 8) * 1000 FROM n;
INSERT INTO enrollments (subscriber_id, sequence_id, state, enrolled_at, next_step, next_due_at, last_step_at)
SELECT id, 'workbook',
       CASE WHEN id > $ENROLLED - $2 THEN 'active' ELSE 'finished' END, created_at,
       CASE WHEN id > $ENROLLED - $2 THEN 2 + (id % 6) ELSE 8 END,
       CASE WHEN id > $ENROLLED - $2 THEN ($day0 + 86400 * (id % 7)) * 1000 END, created_at
FROM subscribers;
COMMIT;
SQL
  echo "  $(sqlite3 "$1" "SELECT COUNT(*) FROM enrollments") enrolled," \
    "$(sqlite3 "$1" "SELECT COUNT(*) FROM enrollments WHERE state = 'active'") in the workbook," \
    "$(sqlite3 "$1" "SELECT COUNT(*) FROM enrollments WHERE state = 'active' AND next_due_at <= $day0 * 1000") due at $plan_at"
  tayori send-due --at "$plan_at" --plan-only > "$WORK/plan.log" 2>&1
  grep -E "workbook:|planning took" "$WORK/plan.log" | sed 's/^/  /'
}
echo "planning, a list that grew over time:"
enrolled_db "$WORK/enrolled-grown.db" "$ACTIVE"
echo "planning, the worst case (everyone in the workbook at once):"
enrolled_db "$WORK/enrolled-all.db" "$ENROLLED"
