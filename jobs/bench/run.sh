#!/usr/bin/env bash
# TrustLens benchmark (issue 7): compiles the test sources (the bench lives in
# jobs/src/test/java/com/trustlens/bench, so DuckDB stays a test-scope dependency and never
# reaches the jar), then runs com.trustlens.bench.BenchCommand with the JVM flags Spark needs.
# Generated datasets are cached under jobs/bench/data/ (git-ignored). Extra JVM options:
# BENCH_JAVA_OPTS (default -Xmx8g). Example:
#   jobs/bench/run.sh --customers 100000 --weeks 52 --cohorts 4,52 --runs 3 --out target/bench
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$ROOT"
CP_FILE=target/bench.classpath
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  mvn -q -B ${MAVEN_OFFLINE:--o} test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$CP_FILE" >&2
fi
FLAGS="$(sed -n 's/^spark\.jvm\.flags=//p' conf/jvm.properties)"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# shellcheck disable=SC2086
exec java $FLAGS ${BENCH_JAVA_OPTS:--Xmx8g} -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" \
  com.trustlens.bench.BenchCommand "$@"
