#!/usr/bin/env bash
# IMS AKA registration load (issue 5, Performance): SIPp registers USERS subscribers with AKAv1-MD5 through
# P-CSCF -> I-CSCF (UAR) -> S-CSCF (MAR, 401, SAR, 200) with the HSS on Diameter, all four functions in one
# "osprey run hss scscf icscf pcscf" process over a SQLite store, on loopback. Per rate step it prints
# registrations/s, failures (SIPp 3.6.1's RES-with-a-00-byte refusals counted apart, never hidden), latency
# p50/p99 (first REGISTER -> 200, from a loopback capture with microsecond timestamps, and from SIPp's own timer,
# which has 4 ms steps), the Osprey process's CPU-seconds per 1,000 registrations (utime+stime from /proc) and
# its context switches per registration. A last run offered above capacity shows what SIPp then sees
# (503s, timeouts). Everything stops by itself: SIPp runs with -timeout, the core is killed on exit.
#
#   bench/ims-register-load.sh [users] [rates]     defaults: 10000 users, rates "200 400 600 800" registrations/s
#   WARMUP=3000 WARMUP_RATE=200                    registrations before measuring (JIT), 0 to skip; then
#   WARMUP2=20000 WARMUP2_RATE=800                 more at a higher rate, so that C2 has compiled what runs once
#                                                  per registration (tier-4 thresholds: ~15,000 calls); 0 skips it
#   OVERLOAD_RATE=2500 OVERLOAD_COUNT=20000        the run above capacity; OVERLOAD_RATE=0 skips it
#   SKIP_BUILD=1 OSPREY_BUILD_DIR=target-x         reuse osprey-bench/<dir>/benchmarks.jar
#   OSPREY_JAVA_OPTS="-Xms2g -Xmx2g"  NO_CAPTURE=1 (SIPp timers only)  KEEP=1 (keep the work folder)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
users="${1:-10000}"
rates="${2:-200 400 600 800}"
warmup="${WARMUP:-3000}"
warmup_rate="${WARMUP_RATE:-200}"
warmup2="${WARMUP2:-20000}"
warmup2_rate="${WARMUP2_RATE:-800}"
overload_rate="${OVERLOAD_RATE:-2500}"
overload_count="${OVERLOAD_COUNT:-20000}"
scenario="$here/sipp/ims-aka-register.xml"

# shellcheck source=bench/ims-common.sh
. "$here/ims-common.sh"
ims_prepare
work="$(mktemp -d /tmp/osprey-ims-reg.XXXXXX)"
cleanup() {
  stop_capture
  stop_core
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
echo "work dir: $work; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"

pick_ports
write_config
"$java" -cp "$jar" io.osprey.bench.ims.BenchUsers aka "$users" aka "$ims_domain" "$work/users.csv" "$work/sipp.csv"
import_users "$work/users.csv"
start_core
sipp_port=$(free_port)
echo "core pid $osprey_pid: P-CSCF 127.0.0.1:$pcscf_port, I-CSCF $icscf_port, S-CSCF $scscf_port, HSS $hss_port; SIPp port $sipp_port"

# One SIPp run of $2 registrations at $3/s, named $1; prints one summary line. Offered load past capacity makes
# SIPp's own queue grow, so -timeout bounds the run at twice its nominal length plus a minute.
run_step() {
  local name="$1" count="$2" rate="$3"
  local dir="$work/$name" limit
  mkdir -p "$dir"
  limit=$(( count * 2 / rate + 60 ))
  local cpu0 cpu1 cs0 cs1 busy0 busy1 drops0 drops1 start end
  thread_ticks "$osprey_pid" >"$dir/threads0"
  start_capture "$sipp_port" "$dir/ue.pcapng"
  cpu0=$(cpu_ticks "$osprey_pid"); cs0=$(context_switches "$osprey_pid"); busy0=$(machine_busy_ticks)
  drops0=$(cscf_drops); start=$(date +%s.%N)
  local TIMEFORMAT='%U %S'
  { time (cd "$dir" && timeout -k 5 $(( limit + 30 )) sipp "127.0.0.1:$pcscf_port" -sf "$scenario" -inf "$work/sipp.csv" -auth_uri "$ims_domain" \
      -i 127.0.0.1 -p "$sipp_port" -m "$count" -r "$rate" -rp 1000 -timeout "${limit}s" -nostdin \
      -default_behaviors all,-bye -trace_stat -stf stats.csv -fd 1 -trace_rtt -rtt_freq 1 \
      -trace_logs -log_file sipp-log.txt >sipp.out 2>&1 || true) ; } 2>"$dir/sipp-time"
  end=$(date +%s.%N); cpu1=$(cpu_ticks "$osprey_pid"); cs1=$(context_switches "$osprey_pid")
  busy1=$(machine_busy_ticks); drops1=$(cscf_drops)
  stop_capture
  thread_ticks "$osprey_pid" >"$dir/threads1"

  local ok failed retrans unexpected timeouts audit res00 unexplained overload
  ok=$(stat_column "$dir/stats.csv" 'SuccessfulCall(C)')
  failed=$(stat_column "$dir/stats.csv" 'FailedCall(C)')
  retrans=$(stat_column "$dir/stats.csv" 'FailedMaxUDPRetrans(C)')
  unexpected=$(stat_column "$dir/stats.csv" 'FailedUnexpectedMessage(C)')
  timeouts=$(stat_column "$dir/stats.csv" 'FailedTimeoutOnRecv(C)')
  audit=$("$java" -cp "$jar" io.osprey.bench.ims.ResZeroAudit "$work/users.csv" "$dir/sipp-log.txt")
  echo "$audit" >"$dir/audit.txt"
  res00=$(echo "$audit" | head -n 1 | sed 's/.*res00=\([0-9]*\).*/\1/')
  unexplained=$(echo "$audit" | head -n 1 | sed 's/.*unexplained=\([0-9]*\).*/\1/')
  overload=$(cat "$dir/sipp-log.txt" 2>/dev/null | grep -c '^overload;' || true)
  local other=$(( failed - res00 ))

  # latency: SIPp's timer (4 ms steps), and from the capture: first REGISTER (CSeq 1) -> 200 to CSeq 2
  awk -F';' 'NR > 1 && $3 == "register" { print $2 }' "$dir"/ims-aka-register_*_rtt.csv >"$dir/rtt-sipp.txt" 2>/dev/null || true
  if [ -f "$dir/ue.pcapng" ]; then
    sip_fields "$dir/ue.pcapng" "$pcscf_port" | awk -F';' -v ue="$sipp_port" '
      $4 == "REGISTER" && $5 == "" && $3 == 1 && !($2 in t0) { t0[$2] = $1 }
      $4 == "REGISTER" && $5 == 200 && $3 == 2 && ($2 in t0) && !($2 in done) { done[$2] = 1; printf "%.3f\n", ($1 - t0[$2]) * 1000 }' \
      >"$dir/rtt-capture.txt"
  fi
  local ticks wall cpu sipp_cpu others
  ticks=$(getconf CLK_TCK)
  wall=$(echo "$end - $start" | bc -l)
  cpu=$(echo "($cpu1 - $cpu0) / $ticks" | bc -l)
  sipp_cpu=$(awk '{ print $1 + $2 }' "$dir/sipp-time")
  # what everything else on the machine used meanwhile (other builds; also dumpcap and the answering SIPp)
  others=$(echo "(($busy1 - $busy0) / $ticks - $cpu - $sipp_cpu) / $wall" | bc -l)
  local per_cpu="n/a" per_k="n/a" cs_per="n/a"
  if [ "$ok" -gt 0 ]; then
    per_k=$(printf '%.3f' "$(echo "$cpu * 1000 / $ok" | bc -l)")
    per_cpu=$(printf '%.0f' "$(echo "$ok / $cpu" | bc -l)")
    cs_per=$(printf '%.1f' "$(echo "($cs1 - $cs0) / $ok" | bc -l)")
  fi
  printf '%-10s offered=%s at %s/s ok=%s failed=%s [RES-00 refusals=%s, other=%s: 403 unexplained=%s, 503=%s, udp-retrans-timeouts=%s, unexpected=%s, recv-timeouts=%s] reg/s=%.0f latency capture p50=%s p99=%s ms, sipp p50=%s p99=%s ms; osprey cpu=%.2fs cpu-s/1000reg=%s reg/cpu-s=%s ctxsw/reg=%s jit=%s%%; sipp cpu=%.2fs; rest of the machine %.2f cores; UDP drops at P/I/S sockets %s\n' \
    "$name" "$count" "$rate" "$ok" "$failed" "$res00" "$other" "$unexplained" "$overload" "$retrans" "$unexpected" "$timeouts" \
    "$(echo "$ok / $wall" | bc -l)" \
    "$(percentile 50 "$dir/rtt-capture.txt" 2>/dev/null || echo n/a)" "$(percentile 99 "$dir/rtt-capture.txt" 2>/dev/null || echo n/a)" \
    "$(percentile 50 "$dir/rtt-sipp.txt")" "$(percentile 99 "$dir/rtt-sipp.txt")" \
    "$cpu" "$per_k" "$per_cpu" "$cs_per" "$(compiler_share "$dir/threads0" "$dir/threads1")" "$sipp_cpu" "$others" "$(drops_between "$drops0" "$drops1")" | tee -a "$work/summary.txt"
  if [ "$unexplained" -gt 0 ]; then
    echo "$audit" | tail -n +2 | head -n 5
  fi
  if [ "$other" -gt 0 ] && [ -f "$dir/ue.pcapng" ]; then
    echo "  responses SIPp received (status, CSeq, Warning), from the capture:"
    tshark -r "$dir/ue.pcapng" -d "udp.port==$pcscf_port,sip" -Y 'sip.Status-Code' -T fields -E separator=' ' \
      -e sip.Status-Code -e sip.CSeq.seq -e sip.Warning 2>/dev/null | sort | uniq -c | sort -rn | head -n 8 | sed 's/^/   /'
  fi
}

if [ "$warmup" -gt 0 ]; then
  run_step warmup "$warmup" "$warmup_rate"
fi
if [ "$warmup2" -gt 0 ]; then
  run_step warmup2 "$warmup2" "$warmup2_rate"
fi
for rate in $rates; do
  run_step "rate-$rate" "$users" "$rate"
done
echo "where the Osprey process's CPU went in the last step (threads; ForkJoinPool-N- are the virtual-thread carriers running the HSS's JDBC work):"
last="$work/rate-${rates##* }"
thread_share "$last/threads0" "$last/threads1"
if [ "$overload_rate" -gt 0 ]; then
  run_step "overload-$overload_rate" "$overload_count" "$overload_rate"
  echo "SIPp's final screen for the overload run:"
  grep -E 'REGISTER|40[13]|503|200|Successful call|Failed call' "$work/overload-$overload_rate/sipp.out" | tail -n 12
fi
stop_core
if [ -f "$work/scscf-registrations.txt" ]; then
  echo "registrations the S-CSCF held at the end (its state file): $(wc -l <"$work/scscf-registrations.txt")"
fi
echo "summary: $work/summary.txt"
cp "$work/summary.txt" "/tmp/osprey-ims-register-summary.txt"
echo "(copied to /tmp/osprey-ims-register-summary.txt)"
