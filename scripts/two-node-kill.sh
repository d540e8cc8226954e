#!/usr/bin/env bash
# Two gateway nodes sharing one standalone Artemis broker (`./passage broker`) and one PostgreSQL, one node killed
# with SIGKILL while notices flow (issue 13):
#   scripts/two-node-kill.sh [NOTICES] [CLIENTS_PER_NODE] [KILL_AFTER]     defaults 200, 4, 10
# Notices go to both nodes' REST APIs at once (half each); node B is killed -9 once it has accepted KILL_AFTER
# notices, while its clients are still sending and both nodes are delivering. Passes when
#   - every notice a node accepted (HTTP 202) has all its exchanges ACKNOWLEDGED (node A alone finishes the work:
#     the broker hands B's unacknowledged deliveries to A, A's requeue timer queues what B stored but never queued),
#   - each partner simulator received exactly one distinct message id per accepted notice (no notice under two ids),
#   - the audit chain verifies (`./passage audit verify` on the PostgreSQL schema).
# PostgreSQL: 127.0.0.1:5432 database test, user postgres (PASSAGE_TEST_PG_URL / PASSAGE_TEST_PG_USER override); a
# fresh schema twonode_<random> is created and dropped at the end (kept with KEEP=1).
set -euo pipefail
cd "$(dirname "$0")/.."
notices="${1:-200}"; clients="${2:-4}"; kill_after="${3:-10}"
pg_base="${PASSAGE_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}"; pg_user="${PASSAGE_TEST_PG_USER:-postgres}"
pg_host="$(echo "$pg_base" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#')"
pg_port="$(echo "$pg_base" | sed -E 's#jdbc:postgresql://[^:/]+:?([0-9]*)/.*#\1#')"; pg_port="${pg_port:-5432}"
pg_db="$(echo "$pg_base" | sed -E 's#.*/([^/?]+).*#\1#')"
psql_() { psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$pg_db" -v ON_ERROR_STOP=1 -qAt "$@"; }

./passage --help >/dev/null
jar="$PWD/target/passage.jar"
run="target/two-node/$(date -u +%Y%m%dT%H%M%S)"; mkdir -p "$run/profiles" "$run/logs"; run="$(cd "$run" && pwd)"
schema="twonode_$(date +%s)_$RANDOM"
db_url="$pg_base?currentSchema=$schema"
echo "two-node: $notices notices, $clients clients per node, node B killed after it accepted $kill_after; folder $run, schema $schema"
echo "two-node: machine $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
declare -A pid
cleanup() {
  for p in "${pid[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || psql_ -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
}
trap cleanup EXIT
psql_ -c "CREATE SCHEMA $schema"

java -jar "$jar" keys init --dir "$run/keys" >"$run/logs/keys.log"
sims=()
for f in partner-profiles/*.yaml; do
  id="$(basename "$f" .yaml)"; port="$(free_port)"
  sed -E "s#(endpoint: http://127\.0\.0\.1:)[0-9]+#\1$port#" "$f" >"$run/profiles/$id.yaml"
  sims+=("$id:$port")
done
start() { local name="$1"; shift; java -Xmx256m "$@" >"$run/logs/$name.log" 2>&1 & pid[$name]=$!; }
wait_http() { for _ in $(seq 1 120); do curl -fs "$1" -H 'X-Passage-User: two-node' >/dev/null 2>&1 && return 0; sleep 1; done; return 1; }

bport="$(free_port)"
start broker -jar "$jar" broker --data "$run/broker" --port "$bport" --profiles "$run/profiles"
for s in "${sims[@]}"; do
  start "sim-${s%%:*}" -jar "$jar" partner-sim --profile "${s%%:*}" --port "${s##*:}" --profiles "$run/profiles" --keys "$run/keys"
done
for _ in $(seq 1 60); do grep -q "passage broker:" "$run/logs/broker.log" && break; sleep 1; done
node() { # name; sets node_url (not in a subshell: the node's pid must be known here)
  local rest mgmt; rest="$(free_port)"; mgmt="$(free_port)"
  start "$1" -jar "$jar" run --data "$run/$1" --keys "$run/keys" --profiles "$run/profiles" --port "$rest" \
    --management-port "$mgmt" --broker-url "tcp://127.0.0.1:$bport" --db-url "$db_url" --db-user "$pg_user"
  node_url="http://127.0.0.1:$rest"
}
node node-a; url_a="$node_url"
wait_http "$url_a/api/v1/exchanges?limit=1" || { echo "node A did not start: $run/logs/node-a.log"; exit 1; }
node node-b; url_b="$node_url"   # after A: Flyway migrates the schema once, A writes the archive key once
wait_http "$url_b/api/v1/exchanges?limit=1" || { echo "node B did not start: $run/logs/node-b.log"; exit 1; }
echo "two-node: broker tcp://127.0.0.1:$bport, node A $url_a, node B $url_b"

bench() { java -Xmx128m -jar "$jar" bench --intake-only --notices "$((notices / 2))" --clients "$clients" "$@"; }
bench --url "$url_a" --id-prefix NODEA >"$run/node-a.json" 2>"$run/logs/bench-a.log" & bench_a=$!
bench --url "$url_b" --id-prefix NODEB >"$run/node-b.json" 2>"$run/logs/bench-b.log" & bench_b=$!
q() { psql_ -c "SET search_path TO $schema; $1"; }
for _ in $(seq 1 600); do
  [ "$(q "SELECT count(*) FROM notice WHERE notice_id LIKE 'NODEB-%'")" -ge "$kill_after" ] && break
  sleep 0.5
done
kill -9 "${pid[node-b]}"; unset 'pid[node-b]'
echo "two-node: node B killed with SIGKILL at $(date -u +%T), after it accepted $(q "SELECT count(*) FROM notice WHERE notice_id LIKE 'NODEB-%'") notices"
wait "$bench_a" || true; wait "$bench_b" || true
echo "two-node: node A client: $(cat "$run/node-a.json")"
echo "two-node: node B client (refusals after the kill are expected): $(cat "$run/node-b.json" 2>/dev/null)"

accepted="$(q "SELECT count(*) FROM notice")"
expected=$((accepted * ${#sims[@]}))
echo "two-node: $accepted notices stored, waiting until their $expected exchanges are ACKNOWLEDGED (node A alone)"
open=-1
for _ in $(seq 1 300); do
  open="$(q "SELECT count(*) FROM exchange WHERE direction = 'OUT' AND state <> 'ACKNOWLEDGED'")"
  [ "$open" = 0 ] && break
  sleep 2
done
fail=0
if [ "$open" != 0 ]; then
  echo "FAIL: $open exchanges not ACKNOWLEDGED:"; q "SELECT state, count(*) FROM exchange WHERE direction='OUT' GROUP BY state"; fail=1
fi
total="$(q "SELECT count(*) FROM exchange WHERE direction = 'OUT'")"
[ "$total" = "$expected" ] || { echo "FAIL: $total outbound exchanges for $accepted notices"; fail=1; }
for s in "${sims[@]}"; do
  stats="$(curl -fs "http://127.0.0.1:${s##*:}/sim/stats")"
  distinct="$(echo "$stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["distinct"])')"
  echo "two-node: ${s%%:*} $stats"
  [ "$distinct" = "$accepted" ] || { echo "FAIL: ${s%%:*} received $distinct distinct message ids for $accepted notices"; fail=1; }
done
ids="$(q "SELECT count(*) - count(DISTINCT message_id) FROM exchange WHERE direction = 'OUT'")"
[ "$ids" = 0 ] || { echo "FAIL: $ids message ids shared by two exchanges"; fail=1; }
kill "${pid[node-a]}"; wait "${pid[node-a]}" 2>/dev/null || true; unset 'pid[node-a]'
if java -jar "$jar" audit verify --db-url "$db_url" --db-user "$pg_user" --keys "$run/keys" --auditor two-node >"$run/audit-verify.txt" 2>&1; then
  echo "two-node: audit chain verifies: $(tail -1 "$run/audit-verify.txt")"
else
  echo "FAIL: audit verify:"; cat "$run/audit-verify.txt"; fail=1
fi
[ "$fail" = 0 ] && echo "two-node: PASSED" || { echo "two-node: FAILED (logs in $run/logs)"; exit 1; }
