#!/usr/bin/env bash
# Regenerates the committed icon renderings from icons/zerobus-console.svg. Normal builds do not run this:
# the PNG set, .ico and .icns are committed. Needs rsvg-convert (librsvg2-bin), icotool (icoutils) and
# png2icns (icnsutils); on Debian/Ubuntu they are installed through apt when missing (root only).
set -euo pipefail
cd "$(dirname "$0")"
need=()
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
command -v icotool >/dev/null || need+=(icoutils)
command -v png2icns >/dev/null || need+=(icnsutils)
if ((${#need[@]})); then
  command -v apt-get >/dev/null && [[ $EUID -eq 0 ]] || { echo "missing tools, install: ${need[*]}" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

svg=zerobus-console.svg
res=../src/main/resources/dev/zerobus/console/icons
mkdir -p png "$res"
# Linux: the freedesktop hicolor sizes. 512 is what jpackage puts into the .deb (menu/desktop entry).
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" "$svg" -o "png/zerobus-console-$s.png"
done
# Windows: one .ico with the sizes Explorer, the taskbar and the title bar pick from (256 stored as PNG).
icotool -c -o zerobus-console.ico png/zerobus-console-{16,24,32,48,64,128}.png --raw=png/zerobus-console-256.png
# macOS: .icns (png2icns accepts 16, 32, 48, 128, 256, 512).
png2icns zerobus-console.icns png/zerobus-console-{16,32,48,128,256,512}.png >/dev/null
# The window icon (Stage.getIcons) and the About dialog load these from the classpath.
for s in 16 32 48 64 128 256; do cp "png/zerobus-console-$s.png" "$res/app-$s.png"; done
ls -l png zerobus-console.ico zerobus-console.icns
