# Shared helpers of bench/ims-register-load.sh and bench/ims-call-load.sh (sourced, not run). They start the IMS core
# as one process ("osprey run hss scscf icscf pcscf" from the osprey-bench jar, SQLite store, home domain ims.test),
# drive it with SIPp on loopback and read the Osprey process's CPU time from /proc.
# Needs: $root (the repository); ims_prepare sets $java and $jar; the caller then sets $work (a scratch folder).
# STORE_CACHE_TTL, when set, is the store's cache-ttl (e.g. 5s, the default before decision 0019, to compare).

ims_domain=ims.test
# the GC flags ./osprey starts the core with (docs/decisions/0013); OSPREY_JAVA_OPTS, after them, can override
ims_gc_opts="-XX:+UseG1GC -Xmn16m -XX:MaxTenuringThreshold=0"

ims_prepare() { # $java, $jar (osprey-bench/$OSPREY_BUILD_DIR/benchmarks.jar, built unless SKIP_BUILD); needs SIPp
  local build_dir="${OSPREY_BUILD_DIR:-target}"
  java=java
  [ -n "${JAVA_HOME:-}" ] && java="$JAVA_HOME/bin/java"
  jar="$root/osprey-bench/$build_dir/benchmarks.jar"
  command -v sipp >/dev/null || { echo "needs SIPp: apt-get install sip-tester" >&2; exit 1; }
  if [ -z "${SKIP_BUILD:-}" ]; then
    (cd "$root" && ./mvnw -q -B -o -pl osprey-bench -am package -Dmaven.test.skip=true -Dosprey.buildDir="$build_dir")
  fi
}

free_port() { # a port free for both UDP and TCP on this host, from 20000-59999
  local port _
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 40000 ))
    if [ -z "$(ss -Hlnut "sport = :$port" 2>/dev/null)" ]; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

cpu_ticks() { # utime+stime of process $1 (all its threads), in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

machine_busy_ticks() { # busy time of all CPUs (user, nice, system, irq, softirq, steal), in clock ticks
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}

udp_drops() { # datagrams the kernel dropped at the UDP socket on port $1 (receive buffer full), from ss -m
  local drops
  drops=$(ss -Huamn "sport = :$1" 2>/dev/null | grep -o 'd[0-9]*)' | tr -d 'd)' | head -n 1)
  echo "${drops:-0}"
}

cscf_drops() { # "P/I/S" socket drops so far
  echo "$(udp_drops "$pcscf_port")/$(udp_drops "$icscf_port")/$(udp_drops "$scscf_port")"
}

drops_between() { # "a/b/c" "x/y/z" -> "x-a/y-b/z-c"
  awk -v a="$1" -v b="$2" 'BEGIN { split(a, p, "/"); split(b, q, "/"); printf "%d/%d/%d", q[1] - p[1], q[2] - p[2], q[3] - p[3] }'
}

context_switches() { # voluntary + involuntary context switches summed over the live threads of process $1
  cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ { n += $2 } END { print n + 0 }'
}

thread_ticks() { # one line per thread of process $1: "<name with digits as N> <ticks> <tid>"
  local t name stat
  for t in /proc/"$1"/task/*; do
    name=$(cat "$t/comm" 2>/dev/null) || continue
    stat=$(cat "$t/stat" 2>/dev/null) || continue
    stat=${stat##*) }
    # shellcheck disable=SC2086
    set -- $stat
    echo "$(echo "$name" | sed 's/[0-9]\+/N/g; s/ /_/g') $(( ${12} + ${13} )) ${t##*/}"
  done
}

thread_share() { # CPU per thread group between two thread_ticks snapshots $1 and $2, largest first
  join -a2 -e0 -o 2.1,1.2,2.2 -1 3 -2 3 <(sort -k3,3 "$1") <(sort -k3,3 "$2") | awk '
    { d = $3 - $2; s[$1] += d; total += d }
    END { for (k in s) if (s[k] > 0) printf "    %-22s %5.1f%%\n", k, 100 * s[k] / total }' | sort -k2 -rn
}

compiler_share() { # percent of the CPU between thread_ticks snapshots $1 and $2 that the JIT compiler threads used
  join -a2 -e0 -o 2.1,1.2,2.2 -1 3 -2 3 <(sort -k3,3 "$1") <(sort -k3,3 "$2") | awk '
    { d = $3 - $2; total += d; if ($1 ~ /Compiler/) jit += d }
    END { printf "%.0f", (total > 0) ? 100 * jit / total : 0 }'
}

percentile() { # percentile $1 of the numbers in file $2 (one per line), or n/a
  [ -s "$2" ] || { echo n/a; return; }
  sort -n "$2" | awk -v p="$1" '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } i = int(NR * p / 100 + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR; print v[i] }'
}

stat_column() { # value of column named $2 in the last line of SIPp's -trace_stat file $1
  local col
  [ -s "$1" ] || { echo 0; return; }
  col=$(head -n 1 "$1" | tr ';' '\n' | grep -n "^$2\$" | cut -d: -f1)
  [ -n "$col" ] || { echo 0; return; }
  tail -n 1 "$1" | cut -d';' -f"$col"
}

write_config() { # osprey.yaml in $work with the ports given as variables, then OSPREY_EXTRA_YAML (top-level keys)
  cat >"$work/osprey.yaml" <<YAML
home-domain: $ims_domain
hss:
  listen: 127.0.0.1
  port: $hss_port
pcscf:
  port: $pcscf_port
  state-file: $work/pcscf-registrations.txt
icscf:
  port: $icscf_port
scscf:
  port: $scscf_port
  state-file: $work/scscf-registrations.txt
store:
  url: sqlite:$work/osprey.db
${STORE_CACHE_TTL:+  cache-ttl: $STORE_CACHE_TTL}
admin:
  port: $admin_port
${OSPREY_EXTRA_YAML:-}
YAML
}

pick_ports() {
  hss_port=$(free_port); pcscf_port=$(free_port); icscf_port=$(free_port); scscf_port=$(free_port)
  admin_port=$(free_port)
}

import_users() { # provisioning CSV $1 into the store
  "$java" --enable-native-access=ALL-UNNAMED -cp "$jar" io.osprey.server.cli.OspreyCli subscriber import \
    -c "$work/osprey.yaml" --db "sqlite:$work/osprey.db" "$1" 2>/dev/null | grep -E '^(imported|  line)' | head -n 5
}

start_core() { # starts the four functions in one JVM; sets osprey_pid
  # shellcheck disable=SC2086
  "$java" --enable-native-access=ALL-UNNAMED $ims_gc_opts ${OSPREY_JAVA_OPTS:--Xms2g -Xmx2g} -Dosprey.log.level=WARN \
    -cp "$jar" \
    io.osprey.server.cli.OspreyCli run hss scscf icscf pcscf -c "$work/osprey.yaml" >"$work/osprey.log" 2>&1 &
  osprey_pid=$!
  for _ in $(seq 1 120); do
    grep -q "^pcscf ready" "$work/osprey.log" 2>/dev/null && return 0
    kill -0 "$osprey_pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "the core did not start; see $work/osprey.log" >&2
  cat "$work/osprey.log" >&2
  return 1
}

stop_core() {
  [ -n "${osprey_pid:-}" ] || return 0
  kill "$osprey_pid" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$osprey_pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$osprey_pid" 2>/dev/null || true
  osprey_pid=
}

start_capture() { # dumpcap on loopback for UDP port $1 into $2; sets capture_pid (empty when dumpcap is missing)
  capture_pid=
  [ -z "${NO_CAPTURE:-}" ] && command -v dumpcap >/dev/null || return 0
  dumpcap -q -i lo -f "udp port $1" -B 64 -w "$2" >/dev/null 2>&1 &
  capture_pid=$!
  sleep 1
}

stop_capture() {
  [ -n "${capture_pid:-}" ] || return 0
  sleep 0.5
  kill -INT "$capture_pid" 2>/dev/null || true
  wait "$capture_pid" 2>/dev/null || true
  capture_pid=
}

sip_fields() { # pcap $1, SIP on UDP port $2: "epoch;call-id;cseq;method;status;src-port" per message
  tshark -r "$1" -d "udp.port==$2,sip" -Y sip -T fields -E separator=';' -e frame.time_epoch -e sip.Call-ID \
    -e sip.CSeq.seq -e sip.CSeq.method -e sip.Status-Code -e udp.srcport 2>/dev/null
}
