#!/usr/bin/env bash
# Executes every notebook of notebooks/ headless, in order, into target/notebooks/ (the committed
# notebooks stay without outputs). Any cell error fails (exit 1). The notebooks read the lake named
# by TRUSTLENS_LAKE (default: demo/lake, written by the Quickstart's demo).
# Usage: notebooks/run-all.sh [NOTEBOOK.ipynb ...]
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
OUT="$ROOT/target/notebooks"
"$ROOT/notebooks/setup-kernel.sh"
export JUPYTER_PATH="$ROOT/notebooks/.kernel/jupyter"
export TRUSTLENS_LAKE="$(readlink -f "${TRUSTLENS_LAKE:-$ROOT/demo/lake}")"
[ -d "$TRUSTLENS_LAKE/erosion_curve" ] || {
  echo "run-all: no TrustLens lake at $TRUSTLENS_LAKE; run the Quickstart's demo or set TRUSTLENS_LAKE" >&2; exit 1; }
mkdir -p "$OUT"
notebooks=("$@")
[ ${#notebooks[@]} -gt 0 ] || notebooks=("$ROOT"/notebooks/*.ipynb)
for nb in "${notebooks[@]}"; do
  name="$(basename "$nb")"
  log="$OUT/${name%.ipynb}.log"
  # The kernel's start is racy (its shell channel may take a request before its handlers exist):
  # about one start in four never answers or dies before kernel_info. Retry only that, never a
  # cell error; a kernel that cannot start at all still fails after 5 attempts.
  for attempt in 1 2 3 4 5; do
    start=$(date +%s)
    if /usr/bin/jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=trustlens-java \
        --ExecutePreprocessor.startup_timeout=45 --ExecutePreprocessor.timeout=600 \
        --output-dir "$OUT" "$nb" >"$log" 2>&1; then
      echo "run-all: $name executed in $(( $(date +%s) - start )) s (attempt $attempt) -> $OUT/$name"
      continue 2
    fi
    if grep -q -e "Kernel didn't respond in" -e "Kernel died before replying to kernel_info" "$log"; then
      echo "run-all: $name: the kernel did not start (attempt $attempt), retrying" >&2
      continue
    fi
    tail -n 60 "$log" >&2
    echo "run-all: $name FAILED (log: $log)" >&2
    exit 1
  done
  echo "run-all: $name: the kernel never started in 5 attempts (log: $log)" >&2
  exit 1
done
