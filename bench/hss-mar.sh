#!/usr/bin/env bash
# Cx MAR/MAA benchmark (issue 4): provisions 1,000 AKA subscribers into a temporary SQLite store, runs the HSS as
# "osprey run hss" in a child JVM, and drives Multimedia-Auth requests over one TCP connection with 64 outstanding.
# Prints MAR round trips per second, latency p50/p99, and the HSS process's CPU-seconds per 1,000 MARs (read from
# /proc/<pid>/stat, so the load generator's own CPU is not counted). See io.osprey.bench.hss.MarBenchmark.
#
#   bench/hss-mar.sh [option=value]...        e.g. subscribers=1000 mars=20000 warmup=2000 window=64 runs=3
#   SKIP_BUILD=1 bench/hss-mar.sh             reuse osprey-bench/target/benchmarks.jar
#   OSPREY_BUILD_DIR=target-foo bench/hss-mar.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build_dir="${OSPREY_BUILD_DIR:-target}"
cd "$root"

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -pl osprey-bench -am package -Dmaven.test.skip=true -Dosprey.buildDir="$build_dir"
fi
java=java
[ -n "${JAVA_HOME:-}" ] && java="$JAVA_HOME/bin/java"
exec "$java" -Xms256m -Xmx512m -cp "osprey-bench/$build_dir/benchmarks.jar" io.osprey.bench.hss.MarBenchmark "$@"
