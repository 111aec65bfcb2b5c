#!/usr/bin/env bash
# Heap per registered contact in one S-CSCF (issue 5 target: under 2 KB): fills the S-CSCF's RegistrationTable with
# 100,000 registrations built as the S-CSCF builds them (decoded REGISTER, parsed SAA user data with 2 identities
# and 1 iFC, 1 binding with Path) and measures live heap before and after, by class. See
# io.osprey.bench.ims.RegistrationMemoryBenchmark.
#
#   bench/ims-registration-memory.sh [registrations]     default 100000
#   JVM_OPTS="-XX:+UseCompactObjectHeaders" bench/ims-registration-memory.sh   (JDK 24+; or -XX:+UseStringDeduplication)
#   SKIP_BUILD=1 OSPREY_BUILD_DIR=target-x bench/ims-registration-memory.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build_dir="${OSPREY_BUILD_DIR:-target}"
cd "$root"

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -o -pl osprey-bench -am package -Dmaven.test.skip=true -Dosprey.buildDir="$build_dir"
fi
java=java
[ -n "${JAVA_HOME:-}" ] && java="$JAVA_HOME/bin/java"
# shellcheck disable=SC2086
exec "$java" -Xmx2g ${JVM_OPTS:-} -cp "osprey-bench/$build_dir/benchmarks.jar" \
  io.osprey.bench.ims.RegistrationMemoryBenchmark "$@"
