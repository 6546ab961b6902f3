#!/usr/bin/env bash
# qs: the launcher. Finds a JDK 21+, builds the project when its sources changed, runs the CLI.
#   ./qs test            run every module's tests
#   ./qs demo            run the parallel-workflow example on an embedded gateway
#   ./qs bench NAME      run a benchmark from bench/ (./qs bench lists them)
#   ./qs format          format every Java source (google-java-format); ./qs test fails on drift
#   ./qs <command> ...   any CLI command (./qs --help)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for d in /usr/lib/jvm/*; do candidates+=("$d"); done
  local best="" best_v=0 v
  for d in "${candidates[@]}"; do
    [ -x "$d/bin/javac" ] || continue
    v="$(java_major "$d")"; v="${v%%.*}"
    [[ "$v" =~ ^[0-9]+$ ]] || continue
    if [ "$v" -ge 21 ]; then
      # JAVA_HOME wins when it qualifies; otherwise the newest JDK found.
      if [ "$d" = "${JAVA_HOME:-}" ]; then best="$d"; break; fi
      if [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
    fi
  done
  if [ -z "$best" ]; then
    echo "qs: no JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm/*)." >&2
    echo "qs: install one (e.g. 'apt-get install openjdk-21-jdk') or set JAVA_HOME to it." >&2
    exit 1
  fi
  echo "$best"
}

export JAVA_HOME="$(find_jdk)"
export PATH="$JAVA_HOME/bin:$PATH"
if ! command -v mvn >/dev/null 2>&1; then
  echo "qs: Maven is needed to build the project; install it (e.g. 'apt-get install maven')." >&2
  exit 1
fi
# Maven 3.8 bundles a Guava that calls sun.misc.Unsafe; JDK 24+ warns about it on every run.
if [ "$(java_major "$JAVA_HOME" | cut -d. -f1)" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
mvn_() { mvn -B -q -e -Dstyle.color=never "$@"; }

# Jobs run in a bubblewrap sandbox; without it the gateway admits one user only (docs/operations.md).
ensure_bubblewrap() {
  command -v bwrap >/dev/null 2>&1 && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "qs: installing bubblewrap (the job sandbox)..." >&2
    (apt-get install -y -qq bubblewrap || { apt-get update -qq && apt-get install -y -qq bubblewrap; }) >/dev/null 2>&1 ||
      echo "qs: could not install bubblewrap; jobs will run unsandboxed, for one user only." >&2
  else
    echo "qs: bubblewrap (bwrap) is not installed; jobs run unsandboxed, for one user only (install: apt-get install bubblewrap)." >&2
  fi
}

jar="$root/cli/target/qs.jar"
stamp="$root/cli/target/.qs-built"
build_if_stale() {
  if [ ! -f "$stamp" ] || [ -n "$(find "$root" -path "$root/.git" -prune -o -path '*/target' -prune -o \
        \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$stamp" -print -quit)" ]; then
    echo "qs: building (first use or sources changed)..." >&2
    # Maven 3.8 prints colour codes even in batch mode; strip them from what the user sees.
    (cd "$root" && mvn_ -DskipTests package 2>&1) | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d' >&2
    touch "$stamp"
  fi
}

# Installs Debian packages whose files are missing (as root, with apt-get); otherwise says how.
#   need_debian_packages "what for" /path/a pkg-a /path/b pkg-b ...
need_debian_packages() {
  local why="$1" missing=() ; shift
  while [ $# -gt 0 ]; do [ -e "$1" ] || missing+=("$2"); shift 2; done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "qs: installing ${missing[*]} ($why)..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  else
    echo "qs: ${missing[*]} missing ($why); install with: sudo apt-get install ${missing[*]}" >&2
  fi
}

case "${1:-}" in
  test|demo|gateway|bench) ensure_bubblewrap ;;
esac

case "${1:-}" in
  test)
    shift
    need_debian_packages "the dashboard's browser tests" /usr/bin/chromium chromium /usr/bin/chromedriver chromium-driver
    cd "$root" && exec mvn -B -e verify "$@"
    ;;
  bench)
    shift
    exec "$root/bench/run" "$@"
    ;;
  format)
    # One format for the whole tree (google-java-format through Spotless); ./qs test checks it.
    cd "$root" && exec mvn -B -q -Pbench spotless:apply
    ;;
  *)
    build_if_stale
    # sample simulates: the vector module enables the simulator's SIMD kernels (docs/quantum.md);
    # other commands skip it (it costs JVM start-up time and prints an incubator warning)
    vector=""; [ "${1:-}" = sample ] && vector="--add-modules=jdk.incubator.vector"
    exec "$JAVA_HOME/bin/java" $vector ${QS_JAVA_OPTS:-} -jar "$jar" "$@"
    ;;
esac
