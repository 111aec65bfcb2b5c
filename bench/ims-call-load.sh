#!/usr/bin/env bash
# IMS call load (issue 5, Performance): USERS digest callers and USERS digest callees register through the P-CSCF,
# then a SIPp uac calls caller i -> callee i through the whole chain (P-CSCF -> S-CSCF orig -> I-CSCF (LIR) ->
# S-CSCF term -> P-CSCF -> SIPp uas, which answers from the port its users registered from, echoing
# Record-Route); ACK and BYE follow the Record-Route set. All four functions (with the HSS) run in one
# "osprey run hss scscf icscf pcscf" process on loopback. Per rate step it prints calls/s, failures, post-dial delay
# INVITE -> 180 and INVITE -> 200 p50/p99 (from a loopback capture on the caller's port, microsecond timestamps;
# SIPp's own "pdd" timer has 4 ms steps and is shown beside it), the Osprey process's CPU-seconds per 1,000 calls
# (utime+stime from /proc, registrations excluded) and context switches per call. Stops by itself.
#
#   bench/ims-call-load.sh [calls] [rates]         defaults: 8000 calls per step, rates "200 400 800 1200" calls/s
#   USERS=500 HOLD_MS=1000 REGISTER_RATE=50        callers (= callees), call duration, registrations/s before a step
#   WARMUP=3000 WARMUP_RATE=100                    calls before measuring (JIT), 0 to skip; then
#   WARMUP2=16000 WARMUP2_RATE=800                 more at a higher rate, so that C2 has compiled what runs once per
#                                                  call (tier-4 thresholds: ~15,000 calls); 0 skips it
#   SKIP_BUILD=1 OSPREY_BUILD_DIR=target-x  OSPREY_JAVA_OPTS="-Xms2g -Xmx2g"  NO_CAPTURE=1  KEEP=1
#
# The P-CSCF binds a registration to the UE's transport address (TS 24.229 §5.2.6.3.1), so the callers, all
# registered from SIPp's one port, share one P-CSCF entry: every INVITE is asserted as the caller registered last.
# The originating and terminating work per call is the same as with distinct UEs; the callees are distinct.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
calls="${1:-8000}"
rates="${2:-200 400 800 1200}"
users="${USERS:-500}"
hold_ms="${HOLD_MS:-1000}"
warmup="${WARMUP:-3000}"
warmup_rate="${WARMUP_RATE:-100}"
warmup2="${WARMUP2:-16000}"
warmup2_rate="${WARMUP2_RATE:-800}"

# shellcheck source=bench/ims-common.sh
. "$here/ims-common.sh"
ims_prepare
work="$(mktemp -d /tmp/osprey-ims-call.XXXXXX)"
uas_pid=
cleanup() {
  [ -n "$uas_pid" ] && kill "$uas_pid" 2>/dev/null || true
  stop_capture
  stop_core
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
echo "work dir: $work; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"

pick_ports
write_config
"$java" -cp "$jar" io.osprey.bench.ims.BenchUsers digest "$users" caller "$ims_domain" "$work/callers.csv" \
  "$work/callers-sipp.csv"
"$java" -cp "$jar" io.osprey.bench.ims.BenchUsers digest "$users" callee "$ims_domain" "$work/callees.csv" \
  "$work/callees-sipp.csv"
import_users "$work/callers.csv"
import_users "$work/callees.csv"
{ echo SEQUENTIAL; paste -d';' <(tail -n +2 "$work/callers-sipp.csv" | cut -d';' -f1) \
    <(tail -n +2 "$work/callees-sipp.csv" | cut -d';' -f1); } >"$work/calls.csv"
start_core
caller_port=$(free_port)
callee_port=$(free_port)
echo "core pid $osprey_pid: P-CSCF 127.0.0.1:$pcscf_port, I-CSCF $icscf_port, S-CSCF $scscf_port, HSS $hss_port;" \
  "callers on port $caller_port, callees on $callee_port"

register_all() { # SIPp registers the users of injection file $1 from port $2 (3 tries); fails the run otherwise
  local dir="$3" ok try
  for try in 1 2 3; do
    (cd "$dir" && timeout -k 5 150 sipp "127.0.0.1:$pcscf_port" -sf "$here/sipp/ims-register.xml" -inf "$1" -auth_uri "$ims_domain" \
      -i 127.0.0.1 -p "$2" -m "$users" -r "${REGISTER_RATE:-50}" -timeout 120s -nostdin -default_behaviors all,-bye \
      -trace_stat -stf "register-$2-$try.csv" >"register-$2-$try.out" 2>&1 || true)
    ok=$(stat_column "$dir/register-$2-$try.csv" 'SuccessfulCall(C)')
    [ "$ok" = "$users" ] && return 0
    echo "  $name: $ok of $users registrations from port $2 succeeded (try $try); see $dir/register-$2-$try.out" >&2
  done
  exit 1
}

# One step named $1: $2 calls at $3/s after (re-)registering every caller and callee.
run_step() {
  local name="$1" count="$2" rate="$3"
  local dir="$work/$name" limit
  mkdir -p "$dir"
  register_all "$work/callees-sipp.csv" "$callee_port" "$dir"
  register_all "$work/callers-sipp.csv" "$caller_port" "$dir"
  limit=$(( count * 2 / rate + hold_ms / 1000 + 60 ))
  (cd "$dir" && exec timeout -k 5 $(( limit + 40 )) sipp -sf "$here/sipp/ims-answer.xml" -i 127.0.0.1 \
    -p "$callee_port" -m "$count" -timeout "$(( limit + 10 ))s" -recv_timeout 40s -nostdin -trace_stat -stf uas-stats.csv -fd 1 >uas.out 2>&1) &
  uas_pid=$!
  sleep 0.5
  local cpu0 cpu1 cs0 cs1 busy0 busy1 drops0 drops1 start end
  thread_ticks "$osprey_pid" >"$dir/threads0"
  start_capture "$caller_port" "$dir/caller.pcapng"
  cpu0=$(cpu_ticks "$osprey_pid"); cs0=$(context_switches "$osprey_pid"); busy0=$(machine_busy_ticks)
  drops0=$(cscf_drops); start=$(date +%s.%N)
  local TIMEFORMAT='%U %S'
  { time (cd "$dir" && timeout -k 5 $(( limit + 30 )) sipp "127.0.0.1:$pcscf_port" -sf "$here/sipp/ims-call.xml" -inf "$work/calls.csv" \
      -i 127.0.0.1 -p "$caller_port" -m "$count" -r "$rate" -rp 1000 -d "$hold_ms" -timeout "${limit}s" -recv_timeout 40s -nostdin \
      -default_behaviors all -trace_stat -stf stats.csv -fd 1 -trace_rtt -rtt_freq 1 >sipp.out 2>&1 || true) ; } \
    2>"$dir/sipp-time"
  end=$(date +%s.%N); cpu1=$(cpu_ticks "$osprey_pid"); cs1=$(context_switches "$osprey_pid")
  busy1=$(machine_busy_ticks); drops1=$(cscf_drops)
  stop_capture
  thread_ticks "$osprey_pid" >"$dir/threads1"
  for _ in $(seq 1 50); do kill -0 "$uas_pid" 2>/dev/null || break; sleep 0.2; done
  kill "$uas_pid" 2>/dev/null || true
  wait "$uas_pid" 2>/dev/null || true
  uas_pid=

  local ok failed retrans unexpected uas_ok uas_failed
  ok=$(stat_column "$dir/stats.csv" 'SuccessfulCall(C)')
  failed=$(stat_column "$dir/stats.csv" 'FailedCall(C)')
  retrans=$(stat_column "$dir/stats.csv" 'FailedMaxUDPRetrans(C)')
  unexpected=$(stat_column "$dir/stats.csv" 'FailedUnexpectedMessage(C)')
  uas_ok=$(stat_column "$dir/uas-stats.csv" 'SuccessfulCall(C)')
  uas_failed=$(stat_column "$dir/uas-stats.csv" 'FailedCall(C)')

  awk -F';' 'NR > 1 && $3 == "pdd" { print $2 }' "$dir"/ims-call_*_rtt.csv >"$dir/pdd-sipp.txt" 2>/dev/null || true
  if [ -f "$dir/caller.pcapng" ]; then
    sip_fields "$dir/caller.pcapng" "$pcscf_port" | awk -F';' -v ue="$caller_port" -v pdd="$dir/pdd-capture.txt" \
      -v answer="$dir/answer-capture.txt" '
      $4 == "INVITE" && $5 == "" && $6 == ue && !($2 in t0) { t0[$2] = $1 }
      $4 == "INVITE" && $5 == 180 && ($2 in t0) && !($2 in ringing) { ringing[$2] = 1; printf "%.3f\n", ($1 - t0[$2]) * 1000 >pdd }
      $4 == "INVITE" && $5 == 200 && ($2 in t0) && !($2 in answered) { answered[$2] = 1; printf "%.3f\n", ($1 - t0[$2]) * 1000 >answer }'
  fi
  local ticks wall cpu sipp_cpu others per_k="n/a" per_cpu="n/a" cs_per="n/a"
  ticks=$(getconf CLK_TCK)
  wall=$(echo "$end - $start" | bc -l)
  cpu=$(echo "($cpu1 - $cpu0) / $ticks" | bc -l)
  sipp_cpu=$(awk '{ print $1 + $2 }' "$dir/sipp-time")
  # what everything else on the machine used meanwhile (other builds; also dumpcap and the answering SIPp)
  others=$(echo "(($busy1 - $busy0) / $ticks - $cpu - $sipp_cpu) / $wall" | bc -l)
  if [ "$ok" -gt 0 ]; then
    per_k=$(printf '%.3f' "$(echo "$cpu * 1000 / $ok" | bc -l)")
    per_cpu=$(printf '%.0f' "$(echo "$ok / $cpu" | bc -l)")
    cs_per=$(printf '%.1f' "$(echo "($cs1 - $cs0) / $ok" | bc -l)")
  fi
  printf '%-10s offered=%s at %s/s ok=%s failed=%s [udp-retrans-timeouts=%s, unexpected=%s; uas ok=%s failed=%s] calls/s=%.0f (wall minus hold) PDD capture p50=%s p99=%s ms, INVITE->200 p50=%s p99=%s ms, sipp pdd p50=%s p99=%s ms; osprey cpu=%.2fs cpu-s/1000calls=%s calls/cpu-s=%s ctxsw/call=%s jit=%s%%; sipp uac cpu=%.2fs; rest of the machine %.2f cores; UDP drops at P/I/S sockets %s\n' \
    "$name" "$count" "$rate" "$ok" "$failed" "$retrans" "$unexpected" "$uas_ok" "$uas_failed" \
    "$(echo "$ok / ($wall - $hold_ms / 1000)" | bc -l)" \
    "$(percentile 50 "$dir/pdd-capture.txt")" "$(percentile 99 "$dir/pdd-capture.txt")" \
    "$(percentile 50 "$dir/answer-capture.txt")" "$(percentile 99 "$dir/answer-capture.txt")" \
    "$(percentile 50 "$dir/pdd-sipp.txt")" "$(percentile 99 "$dir/pdd-sipp.txt")" \
    "$cpu" "$per_k" "$per_cpu" "$cs_per" "$(compiler_share "$dir/threads0" "$dir/threads1")" "$sipp_cpu" "$others" "$(drops_between "$drops0" "$drops1")" | tee -a "$work/summary.txt"
  if [ "$failed" -gt 0 ] && [ -f "$dir/caller.pcapng" ]; then
    echo "  final responses the caller received (status, CSeq method, Warning), from the capture:"
    tshark -r "$dir/caller.pcapng" -d "udp.port==$pcscf_port,sip" -Y 'sip.Status-Code >= 300' -T fields \
      -E separator=' ' -e sip.Status-Code -e sip.CSeq.method -e sip.Warning 2>/dev/null | sort | uniq -c | sort -rn \
      | head -n 8 | sed 's/^/   /'
  fi
}

if [ "$warmup" -gt 0 ]; then
  run_step warmup "$warmup" "$warmup_rate"
fi
if [ "$warmup2" -gt 0 ]; then
  run_step warmup2 "$warmup2" "$warmup2_rate"
fi
for rate in $rates; do
  run_step "rate-$rate" "$calls" "$rate"
done
echo "where the Osprey process's CPU went in the last step (threads):"
last="$work/rate-${rates##* }"
thread_share "$last/threads0" "$last/threads1"
stop_core
echo "summary: $work/summary.txt"
cp "$work/summary.txt" "/tmp/osprey-ims-call-summary.txt"
echo "(copied to /tmp/osprey-ims-call-summary.txt)"
