#!/usr/bin/env bash
# Throughput benchmark (issue 13), end to end on this machine:
#   scripts/bench-load.sh [NOTICES] [CLIENTS]          defaults 300 and 8
# It builds the jar if needed, makes a fresh folder under target/bench/, dev keys, copies of the partner profiles
# on free ports, starts the three partner simulators and one gateway (each its own JVM, -Xmx256m), then:
#   1. warm-up: BENCH_WARMUP notices (default 1000) end to end, not counted (on 2 cores the JIT's compiler threads
#      take a third of the CPU for the first minute of load and are still busy after three; the warm-up's rate is
#      printed as the cold-start figure);
#   2. end to end: NOTICES distinct notices (sample 02, three partners each) from CLIENTS concurrent REST clients,
#      waits until every exchange is ACKNOWLEDGED; CPU time of each process over this phase, peak heap of each;
#   3. intake alone: the three partners suspended, NOTICES more notices from CLIENTS clients;
#   4. crypto-only limit: the JMH seal/open benchmark (ec, ed, rsa-compat), after the stack is stopped.
# Prints a table and writes target/bench/<run>/result.json. Environment:
#   BENCH_HEAP=-Xmx256m  BENCH_WARMUP=1000  BENCH_JMH=1 (0 skips step 4)
#   BENCH_JFR=1 (a JFR recording of each process over step 2: <folder>/<process>.jfr; scripts/jfr-top.py reads it.
#     Each JVM starts with a recording of its own (-XX:StartFlightRecording) and the window gets a second one:
#     the first JFR.start on a running JVM instruments the JDK's event classes and de-optimises most compiled code,
#     and the JIT's recompilation then took a third of the CPU of the window it was meant to observe)
#   BENCH_JMH_ARGS="-f 1 -wi 3 -w 2s -i 5 -r 2s"   BENCH_GATEWAY_OPTS (extra JVM options for the gateway)
#   BENCH_SAMPLE=samples/notices/02-red-labour-suspect.xml
#   BENCH_CONSUMERS=4 (channel.consumers written into the copied partner profiles: deliveries in flight per partner)
#   BENCH_NODES=N (N >= 1): instead of one gateway with its embedded broker and H2, a standalone `./passage broker`
#     and N gateway nodes on one PostgreSQL (PASSAGE_TEST_PG_URL, default jdbc:postgresql://127.0.0.1:5432/test,
#     user PASSAGE_TEST_PG_USER or postgres; a fresh schema bench_<random>, dropped at the end), the clients spread
#     over the nodes: BENCH_NODES=1 and BENCH_NODES=2 compare one node with two on the same infrastructure
#   BENCH_E2E=0 skips step 2 (the warm-up is then intake alone too): a quick intake-only profile, e.g.
#     BENCH_E2E=0 BENCH_JMH=0 BENCH_JFR=1 scripts/bench-load.sh 300 8   -> <folder>/gateway-intake.jfr
set -euo pipefail
cd "$(dirname "$0")/.."
notices="${1:-300}"; clients="${2:-8}"
heap="${BENCH_HEAP:--Xmx256m}"; warmup="${BENCH_WARMUP:-1000}"
sample="${BENCH_SAMPLE:-samples/notices/02-red-labour-suspect.xml}"
jmh_args="${BENCH_JMH_ARGS:--f 1 -wi 3 -w 2s -i 5 -r 2s}"
consumers="${BENCH_CONSUMERS:-4}"
node_count="${BENCH_NODES:-0}"

./passage --help >/dev/null           # builds target/passage.jar when stale
jar="$PWD/target/passage.jar"
run="target/bench/$(date -u +%Y%m%dT%H%M%S)"
mkdir -p "$run/profiles" "$run/logs"
run="$(cd "$run" && pwd)"
echo "bench: $notices notices, $clients clients, heap $heap, $consumers consumers per partner, folder $run"
echo "bench: machine $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
pids=()
schema=""
pg_base="${PASSAGE_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}"; pg_user="${PASSAGE_TEST_PG_USER:-postgres}"
psql_() {
  psql -h "$(echo "$pg_base" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#')" \
    -p "$(echo "$pg_base" | sed -E 's#jdbc:postgresql://[^:/]+:?([0-9]*)/.*#\1#; s#^$#5432#')" \
    -U "$pg_user" -d "$(echo "$pg_base" | sed -E 's#.*/([^/?]+).*#\1#')" -v ON_ERROR_STOP=1 -qAt "$@"
}
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  [ -z "$schema" ] || psql_ -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
}
trap cleanup EXIT

java -jar "$jar" keys init --dir "$run/keys" >"$run/logs/keys.log"
partners=()
for f in partner-profiles/*.yaml; do
  id="$(basename "$f" .yaml)"; port="$(free_port)"
  sed -E "s#(endpoint: https?://127\.0\.0\.1:)[0-9]+#\1$port#; s#^(  endpoint: .*)#  consumers: $consumers\n\1#" "$f" \
    >"$run/profiles/$id.yaml"
  partners+=("$id:$port")
done
[ -f partner-profiles/README.md ] && cp partner-profiles/README.md "$run/profiles/" || true

jfr_opts=""; [ "${BENCH_JFR:-0}" = 1 ] && jfr_opts="-XX:StartFlightRecording=name=instrumented,settings=profile,maxage=2m"
start() { # name, args...
  local name="$1"; shift
  java $heap $jfr_opts "$@" >"$run/logs/$name.log" 2>&1 &
  pids+=($!); echo "$!" >"$run/$name.pid"
}
for p in "${partners[@]}"; do
  start "sim-${p%%:*}" -jar "$jar" partner-sim --profile "${p%%:*}" --port "${p##*:}" --profiles "$run/profiles" --keys "$run/keys"
done
gateway_names=(gateway); shared=()
if [ "$node_count" -ge 1 ]; then
  schema="bench_$(date +%s)_$RANDOM"; psql_ -c "CREATE SCHEMA $schema"
  bport="$(free_port)"
  start broker -jar "$jar" broker --data "$run/broker" --port "$bport" --profiles "$run/profiles"
  for _ in $(seq 1 60); do grep -q "passage broker:" "$run/logs/broker.log" && break; sleep 1; done
  shared=(--broker-url "tcp://127.0.0.1:$bport" --db-url "$pg_base?currentSchema=$schema" --db-user "$pg_user")
  for i in $(seq 2 "$node_count"); do gateway_names+=("gateway-$i"); done
  echo "bench: $node_count gateway node(s), standalone broker tcp://127.0.0.1:$bport, PostgreSQL schema $schema"
fi
node_urls=()
for g in "${gateway_names[@]}"; do
  rest="$(free_port)"; partner_port="$(free_port)"; mgmt="$(free_port)"
  start "$g" ${BENCH_GATEWAY_OPTS:-} -jar "$jar" run --data "$run/data-$g" --keys "$run/keys" --profiles "$run/profiles" \
    --port "$rest" --partner-port "$partner_port" --management-port "$mgmt" "${shared[@]}"
  node_urls+=("https://localhost:$rest")
  # one node at a time: the first migrates the shared schema and writes the archive key
  for _ in $(seq 1 180); do
    curl -fs --cacert "$run/keys/ca.cert.pem" --cert "$run/keys/users/officer1.cert.pem" \
      --key "$run/keys/users/officer1.key.pem" "https://localhost:$rest/api/v1/exchanges?limit=1" >/dev/null 2>&1 && break
    sleep 1
  done
done
url="${node_urls[0]}"
also=(); for u in "${node_urls[@]:1}"; do also+=(--also-url "$u"); done
# The same door as any client: HTTPS, the development CA, a development user's client certificate.
as_user() { echo --cacert "$run/keys/ca.cert.pem" --cert "$run/keys/users/$1.cert.pem" --key "$run/keys/users/$1.key.pem"; }
for u in "${node_urls[@]}"; do
  curl -fs $(as_user officer1) "$u/api/v1/exchanges?limit=1" >/dev/null || { echo "gateway $u did not start: see $run/logs/"; exit 1; }
done

bench() { java -Xmx256m -jar "$jar" bench --url "$url" --ca "$run/keys/ca.cert.pem" \
  --cert "$run/keys/users/officer1.cert.pem" --key "$run/keys/users/officer1.key.pem" --sample "$sample" "${also[@]}" "$@"; }
suspend_partners() { # on every node: a suspension stops that node's consumers of the partner's queue
  for u in "${node_urls[@]}"; do
    for p in "${partners[@]}"; do
      curl -fs -X POST $(as_user operator1) "$u/api/v1/partners/${p%%:*}/suspend" >/dev/null
    done
  done
}
e2e="${BENCH_E2E:-1}"
[ "$e2e" = 1 ] || suspend_partners
if [ "$warmup" -gt 0 ]; then
  if [ "$e2e" = 1 ]; then
    echo "bench: warm-up, $warmup notices end to end (not counted)"
    bench --notices "$warmup" --clients "$clients" --id-prefix WARM >"$run/warmup.json" || echo "bench: warm-up incomplete"
  else
    echo "bench: warm-up, $warmup notices at intake (not counted)"
    bench --notices "$warmup" --clients "$clients" --id-prefix WARM --intake-only >"$run/warmup.json" || echo "bench: warm-up incomplete"
  fi
fi

cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
names=("${gateway_names[@]}"); for p in "${partners[@]}"; do names+=("sim-${p%%:*}"); done
[ "$node_count" -ge 1 ] && names+=(broker)
declare -A before jstat_pid cpu_ms
measure_start() { # phase: CPU ticks of every process, jstat, JFR
  for n in "${names[@]}"; do
    pid="$(cat "$run/$n.pid")"; before[$n]="$(cpu_ticks "$pid")"
    jstat -gc "$pid" 250 >>"$run/$n.jstat" 2>/dev/null & jstat_pid[$n]=$!
    # JFR over the measured phase only (after start-up and warm-up): target/bench/<run>/<process>[-intake].jfr
    [ "${BENCH_JFR:-0}" = 1 ] && jcmd "$pid" JFR.start name=bench settings=profile >/dev/null
  done
  return 0
}
measure_stop() { # phase suffix of the JFR file name; sets cpu_ms
  for n in "${names[@]}"; do
    pid="$(cat "$run/$n.pid")"; cpu_ms[$n]=$(( ($(cpu_ticks "$pid") - ${before[$n]}) * 1000 / $(getconf CLK_TCK) ))
    kill "${jstat_pid[$n]}" 2>/dev/null || true
    [ "${BENCH_JFR:-0}" = 1 ] && jcmd "$pid" JFR.stop name=bench filename="$run/$n$1.jfr" >/dev/null
  done
  return 0
}
if [ "$e2e" = 1 ]; then
  measure_start
  echo "bench: end to end, $notices notices from $clients clients, until every exchange is ACKNOWLEDGED"
  bench --notices "$notices" --clients "$clients" --id-prefix E2E >"$run/e2e.json" || echo "bench: end to end incomplete"
  measure_stop ""
  declare -A e2e_cpu_ms; for n in "${names[@]}"; do e2e_cpu_ms[$n]=${cpu_ms[$n]}; done
  echo "bench: intake alone, partners suspended, $notices notices from $clients clients"
  suspend_partners
else
  echo "{}" >"$run/e2e.json"
  declare -A e2e_cpu_ms; for n in "${names[@]}"; do e2e_cpu_ms[$n]=0; done
  echo "bench: intake alone (end to end skipped), partners suspended, $notices notices from $clients clients"
fi
echo "bench: $(uptime | sed 's/.*load average/load average/') before intake alone"
measure_start
bench --notices "$notices" --clients "$clients" --id-prefix INTAKE --intake-only >"$run/intake.json" || echo "bench: intake incomplete"
measure_stop "-intake"
echo "bench: $(uptime | sed 's/.*load average/load average/') after intake alone"
cleanup; pids=()

{
  echo "{"
  for n in "${names[@]}"; do
    peak="$(awk 'NR>1 {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f", m/1024}' "$run/$n.jstat")"
    echo "\"$n\": {\"cpuMs\": ${e2e_cpu_ms[$n]}, \"intakeCpuMs\": ${cpu_ms[$n]}, \"peakHeapMiB\": $peak},"
  done
  echo "\"cores\": $(nproc)}"
} >"$run/processes.json"

if [ "${BENCH_JMH:-1}" = 1 ]; then
  echo "bench: crypto-only limit, JMH seal/open ($jmh_args)"
  mvn -B -ntp -q -Pbench test-compile >"$run/logs/jmh-build.log" 2>&1
  mvn -B -ntp -q -Pbench org.codehaus.mojo:exec-maven-plugin:3.5.0:exec \
    -Dbench.args="$jmh_args -t 1 -tu s -bm thrpt -rf json -rff $run/jmh.json CryptoPipelineBenchmark" >"$run/logs/jmh.log" 2>&1
else
  echo "[]" >"$run/jmh.json"
fi

python3 - "$run" "$notices" "$clients" "$heap" <<'EOF'
import json, sys, os
run, notices, clients, heap = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
e2e = json.load(open(f"{run}/e2e.json")); intake = json.load(open(f"{run}/intake.json"))
procs = json.load(open(f"{run}/processes.json")); jmh = json.load(open(f"{run}/jmh.json"))
warm = json.load(open(f"{run}/warmup.json")) if os.path.exists(f"{run}/warmup.json") else {}
cores = procs.pop("cores")
profiles = {}
for p in os.listdir(f"{run}/profiles"):
    if p.endswith(".yaml"):
        for line in open(f"{run}/profiles/{p}"):
            if line.startswith("cryptoProfile:"):
                profiles[p[:-5]] = line.split(":", 1)[1].strip()
ops = {}
for b in jmh:
    ops.setdefault(b["params"]["profileName"], {})[b["benchmark"].rsplit(".", 1)[1]] = b["primaryMetric"]["score"]
result = {"notices": notices, "clients": clients, "heap": heap, "cores": cores, "warmUp": warm, "endToEnd": e2e, "intakeAlone": intake,
          "processes": {}, "jmhOpsPerSecond": ops}
exchanges = max(1, e2e.get("exchanges", 0))
for n, p in procs.items():
    # the gateway nodes (and the broker) share every exchange; a partner simulator handles only its partner's
    handled = exchanges if n.startswith("gateway") or n == "broker" else exchanges / max(1, len(profiles))
    result["processes"][n] = dict(p, cpuMsPerExchange=round(p["cpuMs"] / handled, 1))
# intake alone: the gateway's CPU per accepted notice (parse, validate, translate per recipient, store, queue)
accepted = max(1, notices - intake.get("refused", 0))
result["gatewayIntakeCpuMsPerNotice"] = round(sum(p["intakeCpuMs"] for n, p in procs.items() if n.startswith("gateway")) / accepted, 1)
result["nodes"] = sum(1 for n in procs if n.startswith("gateway"))
# Crypto-only limit: per exchange the gateway seals the notice and opens the receipt, the partner opens the notice
# and seals the receipt: 2 seals + 2 opens at the profile's 8 KB JMH rates (receipts are smaller: an upper bound on
# the cost, so a lower bound on the limit). A notice costs the sum over its partners; the machine has `cores` cores.
if all(pr in ops and {"seal", "open"} <= ops[pr].keys() for pr in profiles.values()):
    cost = sum(2 / ops[pr]["seal"] + 2 / ops[pr]["open"] for pr in profiles.values())
    limit = cores / cost
    result["cryptoLimitNoticesPerSecond"] = round(limit, 1)
    result["cryptoLimitExchangesPerSecond"] = round(limit * len(profiles), 1)
    result["ratioEndToEndToCryptoLimit"] = round(e2e.get("endToEndNoticesPerSecond", 0) / limit, 3)
json.dump(result, open(f"{run}/result.json", "w"), indent=2)
g = lambda d, k: d.get(k, "-")
rows = [("warm-up (cold JIT, not counted) notices/s", g(warm, "endToEndNoticesPerSecond") if "endToEndNoticesPerSecond" in warm
         else g(warm, "intakeNoticesPerSecond")),
        ("end to end notices/s", g(e2e, "endToEndNoticesPerSecond")),
        ("end to end exchanges/s (ACKNOWLEDGED)", g(e2e, "endToEndExchangesPerSecond")),
        ("intake->ACKNOWLEDGED p50 / p99 ms", f'{g(e2e, "intakeToAckP50Ms")} / {g(e2e, "intakeToAckP99Ms")}'),
        ("intake (partners delivering) notices/s", g(e2e, "intakeNoticesPerSecond")),
        ("intake (partners delivering) p50/p95/p99 ms", f'{g(e2e, "intakeP50Ms")} / {g(e2e, "intakeP95Ms")} / {g(e2e, "intakeP99Ms")}'),
        ("intake alone (suspended) notices/s", g(intake, "intakeNoticesPerSecond")),
        ("intake alone p50/p95/p99 ms", f'{g(intake, "intakeP50Ms")} / {g(intake, "intakeP95Ms")} / {g(intake, "intakeP99Ms")}'),
        ("intake alone: gateway CPU ms per notice", result["gatewayIntakeCpuMsPerNotice"])]
for n, p in result["processes"].items():
    rows.append((f"{n}: CPU ms per exchange, peak heap MiB", f'{p["cpuMsPerExchange"]}, {p["peakHeapMiB"]}'))
for pr, o in sorted(ops.items()):
    rows.append((f"JMH {pr} seal / open ops/s (1 thread)", f'{o.get("seal", 0):.0f} / {o.get("open", 0):.0f}'))
rows.append(("crypto-only limit notices/s (exchanges/s)", f'{g(result, "cryptoLimitNoticesPerSecond")} ({g(result, "cryptoLimitExchangesPerSecond")})'))
rows.append(("end to end / crypto-only limit", g(result, "ratioEndToEndToCryptoLimit")))
w = max(len(r[0]) for r in rows)
print()
for k, v in rows:
    print(f"{k:<{w}}  {v}")
print()
print(json.dumps(result))
if "error" in e2e or e2e.get("refused") or intake.get("refused"):
    sys.exit(1)
EOF
