#!/usr/bin/env bash
# Drives SIPp call load (uac -> proxy -> uas) through Osprey's stateful proxy and then through Kamailio with the
# same routing (bench/kamailio/proxy.cfg), on loopback, and reports for each: calls/s, failed calls, response time
# (INVITE -> 200) p50/p99 in ms, and proxy CPU-seconds per 1,000 calls. The ratio is what to read: both run on the
# same machine in the same run.
#
#   bench/proxy-load.sh [calls] [rate]        defaults: 20000 calls at 1000 calls/s
#   OSPREY_ONLY=1 bench/proxy-load.sh         skip Kamailio
#   OSPREY_BUILD_DIR=target-x bench/...       run the build of ./mvnw package -Dosprey.buildDir=target-x as is
#   OSPREY_JAVA_OPTS='...' bench/...          extra JVM flags for the proxy (e.g. a JFR recording)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
calls="${1:-20000}"
rate="${2:-1000}"
work="$(mktemp -d /tmp/osprey-bench.XXXXXX)"
proxy_port=5062
uas_port=5090
uac_port=5091
echo "work dir: $work"

command -v sipp >/dev/null || { echo "needs SIPp: apt-get install sip-tester" >&2; exit 1; }

cpu_seconds() { # summed utime+stime of the given pids, in seconds
  local ticks total=0 pid
  ticks=$(getconf CLK_TCK)
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat") ))
  done
  echo "scale=3; $total / $ticks" | bc
}

percentile() { # percentile P of the response times in SIPp's rtt file (ms in column 2)
  awk -F';' 'NR > 1 && $2 ~ /^[0-9.]+$/ { print $2 }' "$2" | sort -n | awk -v p="$1" '
    { v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } i = int(NR * p / 100); if (i < 1) i = 1; print v[i] }'
}

run_load() { # name pid...
  local name="$1"; shift
  local before after elapsed start end succ fail
  sipp -sn uas -i 127.0.0.1 -p "$uas_port" -nostdin >"$work/$name-uas.out" 2>&1 &
  local uas_pid=$!
  sleep 0.5
  before=$(cpu_seconds "$@")
  start=$(date +%s.%N)
  # -timeout bounds a run whose last calls wait forever (SIPp's uac has no timeout of its own after a 100).
  (cd "$work" && sipp "127.0.0.1:$proxy_port" -sn uac -i 127.0.0.1 -p "$uac_port" -m "$calls" -r "$rate" -nostdin \
    -timeout "$(( calls / rate * 2 + 90 ))s" \
    -trace_stat -stf "$work/$name-stats.csv" -fd 1 -trace_rtt -rtt_freq 1 >"$work/$name-uac.out" 2>&1) || true
  end=$(date +%s.%N)
  after=$(cpu_seconds "$@")
  kill "$uas_pid" 2>/dev/null || true
  wait "$uas_pid" 2>/dev/null || true
  local rtt
  rtt=$(ls "$work"/uac_*_rtt.csv 2>/dev/null | head -n 1 || true)
  [ -n "$rtt" ] && mv "$rtt" "$work/$name-rtt.csv"
  local col_s col_f line
  line=$(tail -n 1 "$work/$name-stats.csv")
  col_s=$(head -n 1 "$work/$name-stats.csv" | tr ';' '\n' | grep -n '^SuccessfulCall(C)$' | cut -d: -f1)
  col_f=$(head -n 1 "$work/$name-stats.csv" | tr ';' '\n' | grep -n '^FailedCall(C)$' | cut -d: -f1)
  succ=$(echo "$line" | cut -d';' -f"$col_s")
  fail=$(echo "$line" | cut -d';' -f"$col_f")
  elapsed=$(echo "$end - $start" | bc)
  local cpu
  cpu=$(echo "$after - $before" | bc)
  printf '%-9s calls=%s ok=%s failed=%s calls/s=%.0f p50=%sms p99=%sms cpu=%.2fs cpu-s/1000calls=%.3f calls/cpu-s=%.0f\n' \
    "$name" "$calls" "$succ" "$fail" "$(echo "$succ / $elapsed" | bc -l)" \
    "$(percentile 50 "$work/$name-rtt.csv")" "$(percentile 99 "$work/$name-rtt.csv")" "$cpu" \
    "$(echo "$cpu * 1000 / $succ" | bc -l)" "$(echo "$succ / $cpu" | bc -l)" | tee -a "$work/summary.txt"
}

# --- Osprey ---
cat >"$work/osprey.yaml" <<YAML
proxy:
  listen: 127.0.0.1
  port: $proxy_port
  routes:
    - match: "*"
      to: 127.0.0.1:$uas_port
YAML
(cd "$work" && "$root/osprey" run proxy -c "$work/osprey.yaml" >"$work/osprey.log" 2>&1 &)
for _ in $(seq 1 100); do
  pid=$(pgrep -f "OspreyCli run proxy -c $work/osprey.yaml" || true)
  [ -n "$pid" ] && grep -q "proxy ready" "$work/osprey.log" 2>/dev/null && break
  sleep 0.3
done
[ -n "${pid:-}" ] || { echo "osprey did not start; see $work/osprey.log" >&2; exit 1; }
# Warm-up so JIT compilation is not billed to the measured run.
calls_saved=$calls; calls=$(( calls / 2 > 5000 ? calls / 2 : 5000 ))
run_load osprey-warmup "$pid" >/dev/null
calls=$calls_saved
run_load osprey "$pid"
kill "$pid"
for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done  # free the port for Kamailio

# --- Kamailio ---
if [ -z "${OSPREY_ONLY:-}" ]; then
  command -v kamailio >/dev/null || { echo "kamailio not installed (apt-get install kamailio); skipping the comparison"; exit 0; }
  sed "s/@PROXY_PORT@/$proxy_port/g; s/@UAS_PORT@/$uas_port/g; s/@CHILDREN@/$(nproc)/g" \
    "$here/kamailio/proxy.cfg" >"$work/kamailio.cfg"
  kamailio -f "$work/kamailio.cfg" -D -E -m 1024 -M 16 -w "$work" >"$work/kamailio.log" 2>&1 &
  kpid=$!
  sleep 1
  # Kamailio renames its worker processes, so find them as the main process's children.
  kpids="$kpid $(pgrep -d ' ' -P "$kpid" || true)"
  # shellcheck disable=SC2086
  run_load kamailio $kpids
  kill "$kpid"; wait 2>/dev/null || true
fi
echo "summary: $work/summary.txt"
