#!/usr/bin/env bash
# Installs the Debian packages the integration tests need, when missing, so that CI (a fresh
# machine) and a developer's `mvn verify` need no manual step. Needs root or sudo; with neither,
# it says what to install and fails.
set -euo pipefail
# command:package pairs; a package is installed when its command is missing.
NEEDED=(
  "Rscript:r-base-core"
  # The HTML report is checked in headless Chromium, driven by playwright-core from npm.
  "chromium:chromium"
  "node:nodejs"
  "npm:npm"
)
missing=()
for pair in "${NEEDED[@]}"; do
  cmd="${pair%%:*}"; pkg="${pair#*:}"
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
done
# R's survival package is a library, not a command.
if command -v Rscript >/dev/null 2>&1 && ! Rscript -e 'quit(status = !requireNamespace("survival", quietly = TRUE))' >/dev/null 2>&1; then
  missing+=("r-cran-survival")
elif ! command -v Rscript >/dev/null 2>&1; then
  missing+=("r-cran-survival")
fi
# The notebooks run under Debian's Jupyter (/usr/bin/python3: the python3 first on PATH may lack it).
if ! { [ -x /usr/bin/jupyter ] && /usr/bin/python3 -c 'import nbconvert, nbclient, nbformat, ipykernel, jupyter_client' >/dev/null 2>&1; }; then
  missing+=("jupyter-nbconvert" "python3-ipykernel" "jupyter-client" "python3-nbclient" "python3-nbformat")
fi
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "system packages missing: ${missing[*]}; install them with apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
