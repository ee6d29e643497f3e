# Sourced by .ci/run and bench scripts: exports JAVA_HOME/PATH for a JDK >= 21 (JAVA_HOME if it qualifies,
# else the newest JDK under the system's JVM folders).
java_major() { # prints the major version of the JDK at $1, or 0
  local release="$1/release"
  [[ -x "$1/bin/javac" && -f "$release" ]] || { echo 0; return; }
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n1
}

pick_jdk() {
  if [[ -n "${JAVA_HOME:-}" && "$(java_major "$JAVA_HOME")" -ge 21 ]]; then echo "$JAVA_HOME"; return; fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [[ -d "$dir" ]] || continue
    major="$(java_major "$dir")"
    if [[ "$major" -ge 21 && "$major" -gt "$best_major" ]]; then best="$dir"; best_major="$major"; fi
  done
  [[ -n "$best" ]] || { echo "No JDK >= 21 found (JAVA_HOME or /usr/lib/jvm). Install one, e.g. Temurin 21 or 25." >&2; return 1; }
  echo "$best"
}

JAVA_HOME="$(pick_jdk)" || exit 1
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
# Maven itself warns about sun.misc.Unsafe on JDK 23+; the flag does not exist on 21/22.
if [[ "$(java_major "$JAVA_HOME")" -ge 23 ]]; then export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"; fi
export no_proxy="localhost,127.0.0.1${no_proxy:+,$no_proxy}" NO_PROXY="localhost,127.0.0.1${NO_PROXY:+,$NO_PROXY}"
