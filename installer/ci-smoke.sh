#!/usr/bin/env bash
# Builds the Linux app image and .deb (mvn -Pinstaller), installs the .deb with dpkg -i, runs the installed
# launcher headless (--version; sandbox until its JSON line, then SIGTERM) and removes it with dpkg -r.
# Needs root (dpkg) and a Debian-like system. Called from .ci/run; run by hand: installer/ci-smoke.sh
# SKIP_BUILD=1 reuses target/installer/*.deb. The .deb is built with gzip here (xz is the default; minutes slower).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk.sh
start=$SECONDS
say() { echo "[installer-smoke $((SECONDS - start))s] $*"; }

[[ $EUID -eq 0 ]] || { echo "installer/ci-smoke.sh needs root (dpkg -i / dpkg -r)" >&2; exit 1; }
need=()
command -v dpkg-deb >/dev/null || need+=(dpkg)
command -v fakeroot >/dev/null || need+=(fakeroot)
command -v objcopy >/dev/null || need+=(binutils)
if ((${#need[@]})); then
  say "installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  say "mvn -B -q -Pinstaller -DskipTests -Dinstaller.deb.compressor=gzip package"
  mvn -B -q -Pinstaller -DskipTests -Dinstaller.deb.compressor=gzip package
fi
deb="$(ls target/installer/zerobus-console_*.deb | head -n1)"
say "app image $(du -sh target/installer/zerobus-console | cut -f1), $deb $(stat -c %s "$deb") bytes"

launcher=/opt/zerobus-console/bin/zerobus-console
sandbox_pid=""
data="$(mktemp -d)"
out="$(mktemp)"
installed() { [[ "$(dpkg-query -W -f='${Status}' zerobus-console 2>/dev/null)" == "install ok installed" ]]; }
cleanup() {
  if [[ -n "$sandbox_pid" ]] && kill -0 "$sandbox_pid" 2>/dev/null; then kill -TERM "$sandbox_pid"; wait "$sandbox_pid" || true; fi
  if installed; then dpkg -r zerobus-console >/dev/null || true; fi
  dpkg -P zerobus-console >/dev/null 2>&1 || true
  rm -rf "$data" "$out" "$out.err"
}
trap cleanup EXIT

if installed; then say "removing a previously installed zerobus-console"; dpkg -r zerobus-console >/dev/null; fi
say "dpkg -i $deb"
if ! dpkg -i "$deb"; then
  # Missing Depends (libasound2, xdg-utils, ...) leave the package unconfigured: let apt pull them and finish.
  say "dpkg -i reported missing dependencies: apt-get install -f"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -f >/dev/null
fi
installed || { echo "zerobus-console is not installed" >&2; exit 1; }
[[ -x "$launcher" ]] || { echo "$launcher missing" >&2; exit 1; }
say "installed: $(du -sh /opt/zerobus-console | cut -f1) in /opt/zerobus-console"
ls /usr/share/applications/*zerobus-console*.desktop 2>/dev/null | sed 's/^/  menu entry: /' || true

say "$launcher --version"
version="$("$launcher" --version)"
echo "$version"
grep -q 'Zerobus Ingest Console' <<<"$version" || { echo "--version did not name Zerobus Ingest Console" >&2; exit 1; }

say "$launcher sandbox --data $data"
"$launcher" sandbox --data "$data" >"$out" 2>"$out.err" &
sandbox_pid=$!
for _ in $(seq 1 240); do
  [[ -s "$out" ]] && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$out.err" >&2; echo "sandbox exited before printing its JSON line" >&2; exit 1; }
  sleep 0.5
done
line="$(head -n1 "$out")"
echo "$line"
[[ "$line" == \{*\"zerobusEndpoint\":\"http://127.0.0.1:* && "$line" == *\"workspaceUrl\"* ]] \
  || { cat "$out.err" >&2; echo "first stdout line is not the sandbox JSON" >&2; exit 1; }
workspace="$(sed -n 's/.*"workspaceUrl":"\([^"]*\)".*/\1/p' <<<"$line")"
if command -v curl >/dev/null; then
  code="$(curl -s -o /dev/null -w '%{http_code}' --noproxy '*' "$workspace/oidc/.well-known/oauth-authorization-server" || true)"
  say "GET $workspace/oidc/.well-known/oauth-authorization-server -> HTTP $code"
  [[ "$code" == 200 ]] || { echo "the installed sandbox does not answer OIDC discovery" >&2; exit 1; }
fi
kill -TERM "$sandbox_pid"
status=0; wait "$sandbox_pid" || status=$?
sandbox_pid=""
rm -f "$out.err"
[[ $status -eq 0 || $status -eq 143 ]] || { echo "sandbox exited with $status after SIGTERM" >&2; exit 1; }
say "sandbox stopped by SIGTERM (exit $status)"

say "dpkg -r zerobus-console"
dpkg -r zerobus-console
if [[ -e /opt/zerobus-console ]]; then echo "/opt/zerobus-console is still there after dpkg -r" >&2; exit 1; fi
if ls /usr/share/applications/*zerobus-console*.desktop >/dev/null 2>&1; then echo "menu entry left after dpkg -r" >&2; exit 1; fi
installed && { echo "dpkg still lists zerobus-console as installed" >&2; exit 1; }
dpkg -P zerobus-console >/dev/null  # dpkg -r keeps the package's maintainer scripts (state config-files): purge them
say "removed cleanly: installer smoke test passed"
