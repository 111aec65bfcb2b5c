#!/usr/bin/env bash
# HSS store benchmark (issue 3): imports 100,000 AKA subscribers from a generated CSV, then measures
# authentication vector generation with 1 and 8 threads, on SQLite (temporary file) and on PostgreSQL when
# reachable (a temporary schema, dropped afterwards). Prints wall rates and rates per CPU-second; for PostgreSQL on
# this host also the server processes' CPU from /proc. See io.osprey.bench.hss.HssStoreBenchmark.
#
#   bench/hss-store.sh [option=value]...      e.g. subscribers=100000 seconds=10 threads=1,8 stores=sqlite,postgres
#   OSPREY_BENCH_POSTGRES_URL=jdbc:postgresql://host:5432/db bench/hss-store.sh user=... password=...
#   SKIP_BUILD=1 bench/hss-store.sh           reuse osprey-bench/target/benchmarks.jar
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
exec "$java" -Xms512m -Xmx1g -cp "osprey-bench/$build_dir/benchmarks.jar" io.osprey.bench.hss.HssStoreBenchmark "$@"
