#!/usr/bin/env bash
# One-command set-up of the Java (Spark) Jupyter kernel for TrustLens's notebooks:
#   1. Debian's Jupyter packages, when missing (apt-get; needs root or sudo);
#   2. the rapaio Java kernel and the XChart charting library, through Maven, into notebooks/.kernel/;
#   3. the TrustLens jar (target/trustlens.jar: Spark, Delta and the project), built when missing;
#   4. a kernelspec 'trustlens-java' under notebooks/.kernel/jupyter/kernels/, with the JVM flags
#      Spark needs on Java 17 (conf/jvm.properties), quiet logging and that classpath.
# Then open the notebooks with:
#   JUPYTER_PATH=notebooks/.kernel/jupyter jupyter notebook notebooks/
# or add --user to also install the kernelspec into your own Jupyter (jupyter kernelspec install --user).
# Idempotent: a second run only refreshes the kernelspec.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
KERNEL_DIR="$ROOT/notebooks/.kernel"
KERNEL_VERSION=2.3.0
XCHART_VERSION=4.0.3
SPEC_DIR="$KERNEL_DIR/jupyter/kernels/trustlens-java"

install_jupyter() {
  # Debian's jupyter lives in /usr/bin; a python3 earlier on PATH (pyenv) may lack nbformat.
  if [ -x /usr/bin/jupyter ] && /usr/bin/python3 -c 'import nbconvert, nbclient, nbformat, ipykernel, jupyter_client' 2>/dev/null; then
    return
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup-kernel: install Debian's jupyter-nbconvert python3-ipykernel jupyter-client python3-nbclient python3-nbformat (needs root)" >&2; exit 1; }
    sudo=sudo
  fi
  echo "setup-kernel: installing Debian's Jupyter packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq jupyter-nbconvert python3-ipykernel jupyter-client python3-nbclient python3-nbformat >/dev/null
}

fetch_jars() {
  mkdir -p "$KERNEL_DIR/jars"
  local kernel="$KERNEL_DIR/jars/rapaio-jupyter-kernel-$KERNEL_VERSION.jar"
  local xchart="$KERNEL_DIR/jars/xchart-$XCHART_VERSION.jar"
  if [ ! -f "$kernel" ] || [ ! -f "$xchart" ]; then
    echo "setup-kernel: fetching the Java kernel and XChart through Maven" >&2
    (cd "$ROOT" && mvn -q -B dependency:copy -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$KERNEL_VERSION" \
      -DoutputDirectory="$KERNEL_DIR/jars" && mvn -q -B dependency:copy -Dartifact="org.knowm.xchart:xchart:$XCHART_VERSION" \
      -DoutputDirectory="$KERNEL_DIR/jars") >&2
  fi
}

write_kernelspec() {
  mkdir -p "$SPEC_DIR"
  # Spark's INFO logs would flood the cell outputs.
  cat > "$KERNEL_DIR/log4j2.properties" <<'LOG'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %p %c{1}: %m%n
logger.nativeloader.name = org.apache.hadoop.util.NativeCodeLoader
logger.nativeloader.level = error
LOG
  # The kernel sets java.util.logging to FINEST, which breaks Spark's code generation (Janino).
  # A logging.properties ahead of the kernel jar on the classpath keeps it at INFO. (The kernel's
  # RJK_INIT_SCRIPT is no way out: it replaces the kernel's own init script, display() with it.)
  mkdir -p "$KERNEL_DIR/jul"
  printf '.level= INFO\n' > "$KERNEL_DIR/jul/logging.properties"
  local flags cp
  flags="$(sed -n 's/^spark\.jvm\.flags=//p' "$ROOT/conf/jvm.properties")"
  cp="$KERNEL_DIR/jul:$KERNEL_DIR/jars/rapaio-jupyter-kernel-$KERNEL_VERSION.jar:$KERNEL_DIR/jars/xchart-$XCHART_VERSION.jar:$ROOT/target/trustlens.jar"
  /usr/bin/python3 - "$SPEC_DIR/kernel.json" "$flags" "$cp" "$KERNEL_DIR" <<'PY'
import json, sys
out, flags, cp, kdir = sys.argv[1:]
argv = ["java"] + flags.split() + ["-Xmx3g", "-Djava.awt.headless=true",
        "-Dlog4j2.configurationFile=" + kdir + "/log4j2.properties",
        "-cp", cp, "org.rapaio.jupyter.kernel.MainApp", "{connection_file}"]
spec = {"argv": argv, "display_name": "Java (TrustLens, Spark)", "language": "java", "interrupt_mode": "message",
        "env": {"SPARK_LOCAL_IP": "127.0.0.1"}}
json.dump(spec, open(out, "w"), indent=1)
PY
}

install_jupyter
fetch_jars
if [ ! -f "$ROOT/target/trustlens.jar" ]; then
  "$ROOT/bin/trustlens" --version >/dev/null   # builds the jar
fi
write_kernelspec
if [ "${1:-}" = "--user" ]; then
  /usr/bin/jupyter kernelspec install --user --replace --name trustlens-java "$SPEC_DIR" >&2
fi
echo "setup-kernel: kernel 'trustlens-java' ready; use it with JUPYTER_PATH=$KERNEL_DIR/jupyter" >&2
