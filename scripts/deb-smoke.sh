#!/usr/bin/env bash
# Smoke test of the Debian package (not part of scripts/test.sh: the release build takes several
# minutes). Builds the .deb (scripts/build-deb.sh; `--reuse` takes the newest one already under
# target/release/bundle/deb/), unpacks it into a temporary root with dpkg-deb, and checks that
#   - /usr/bin/bulletin-app is the desktop app (links WebKitGTK, holds none of the CLI's help text),
#   - the fonts are in the package, beside the app as its resources,
#   - the app starts under Xvfb with HOME in a temporary directory, creates its store there with
#     the demo issue, maps the packaged fonts (not the checkout's), and is still alive.
# Needs the Debian packages of scripts/install-system-packages.sh (xvfb among them).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

fail() {
  echo "deb-smoke: FAIL: $*" >&2
  exit 1
}

if [ "${1:-}" = "--reuse" ] && compgen -G "target/release/bundle/deb/*.deb" >/dev/null; then
  echo "deb-smoke: reusing the package built before"
else
  bash scripts/build-deb.sh
fi
deb=$(ls -t target/release/bundle/deb/*.deb | head -n 1)
echo "deb-smoke: $deb ($(du -h "$deb" | cut -f1))"

tmp=$(mktemp -d)
app_pid=
xvfb_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

root="$tmp/root"
dpkg-deb -x "$deb" "$root"
app="$root/usr/bin/bulletin-app"
[ -x "$app" ] || fail "no /usr/bin/bulletin-app in the package"

# 1. The packaged binary is the app, not the command-line front end.
needed=$(readelf -d "$app" | grep NEEDED || true)
grep -q 'libwebkit2gtk-4\.1\.so' <<<"$needed" || fail "bulletin-app does not link WebKitGTK: it is not the app"
grep -q 'libgtk-3\.so' <<<"$needed" || fail "bulletin-app does not link GTK 3"
# The CLI's `--help` text (src/cli/mod.rs) is in the CLI binary only.
if grep -a -q -F '信息简报（如《温州科协信息》）的归档、导入与导出' "$app"; then
  fail "bulletin-app carries the CLI's help text: it is the CLI"
fi
deps=$(dpkg-deb -f "$deb" Depends)
grep -q 'libwebkit2gtk-4.1-0' <<<"$deps" || fail "the package does not depend on libwebkit2gtk-4.1-0: $deps"
echo "deb-smoke: /usr/bin/bulletin-app is the app (WebKitGTK linked; Depends: $deps)"

# 2. The fonts travel as resources, where Tauri's resource_dir finds them (/usr/lib/<productName>).
fonts_dir=$(dirname "$(find "$root/usr/lib" -name FandolFang-Regular.otf -print -quit)")
[ -d "$fonts_dir" ] && [ "$fonts_dir" != "." ] || fail "no fonts under /usr/lib in the package"
for f in FandolFang-Regular.otf FandolHei-Regular.otf FandolKai-Regular.otf FandolSong-Bold.otf \
  FandolSong-Regular.otf NotoSerifCJK-Regular.ttc LICENSE-Fandol.txt; do
  [ -s "$fonts_dir/$f" ] || fail "font $f missing from the package"
done
echo "deb-smoke: fonts in ${fonts_dir#"$root"}"

# 3. First start on an empty HOME: the store appears with the demo issue, the window stays up.
home="$tmp/home"
mkdir -p "$home"
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || fail "Xvfb did not start: $(cat "$tmp/xvfb.log")"
display=":$(cat "$tmp/display")"

env -i PATH="/usr/bin:/bin" HOME="$home" DISPLAY="$display" LANG=C.UTF-8 \
  WEBKIT_DISABLE_COMPOSITING_MODE=1 "$app" >"$tmp/app.log" 2>&1 &
app_pid=$!
store="$home/.local/share/bulletin/bulletin.sqlite3"
ok=
for _ in $(seq 300); do
  kill -0 "$app_pid" 2>/dev/null || fail "the app exited: $(cat "$tmp/app.log")"
  if [ -s "$store" ] && grep -q 'ready' "$tmp/app.log"; then
    ok=1
    break
  fi
  sleep 0.1
done
[ -n "$ok" ] || fail "no store at $store with a ready archive within 30 s: $(cat "$tmp/app.log")"
sleep 1
kill -0 "$app_pid" 2>/dev/null || fail "the app died after start: $(cat "$tmp/app.log")"
# The demo issue is in the store: the packaged CLI lists it, and exports it with the packaged fonts.
cli="$root/usr/bin/bulletin"
[ -x "$cli" ] || fail "no /usr/bin/bulletin (the command line) in the package"
"$cli" list --db "$store" | tee "$tmp/list.txt"
grep -q '总第245期' "$tmp/list.txt" || fail "the store holds no demo issue"
id=$(awk 'NR == 2 { print $1 }' "$tmp/list.txt")
# The checkout's assets/fonts (the last fallback) is hidden, so only the packaged fonts can serve.
mkdir -p "$tmp/empty"
export_demo="$cli export $id --db $store --pdf $tmp/demo.pdf"
if unshare -m true 2>/dev/null; then
  export_demo="mount --bind $tmp/empty $PWD/assets/fonts && $export_demo"
  run_hidden() { unshare -m sh -c "$1"; }
else
  echo "deb-smoke: (no mount namespace here: the checkout's fonts stay visible to the CLI)"
  run_hidden() { sh -c "$1"; }
fi
env -u BULLETIN_FONTS bash -c "$(declare -f run_hidden); run_hidden '$export_demo'" >"$tmp/export.log" 2>&1 ||
  fail "the packaged CLI cannot export the demo issue: $(cat "$tmp/export.log")"
[ -s "$tmp/demo.pdf" ] || fail "no PDF from the packaged CLI"
echo "deb-smoke: the packaged CLI exported the demo issue with the packaged fonts"
# The fonts it maps are the packaged ones.
grep -q -F "$fonts_dir/" "/proc/$app_pid/maps" || fail "the app did not map the packaged fonts"
echo "deb-smoke: the app started (HOME=$home), wrote ${store#"$home"/}, maps the packaged fonts"
sed 's/^/deb-smoke: app: /' "$tmp/app.log"

# 4. 文件 › 退出 (Ctrl+Q, a real key on the X server): the page saves, then the window closes.
if command -v xdotool >/dev/null 2>&1; then
  DISPLAY="$display" xdotool mousemove 400 300 key ctrl+q
  for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$app_pid" 2>/dev/null && fail "Ctrl+Q (退出) did not close the app within 10 s"
  app_pid=
  echo "deb-smoke: Ctrl+Q (退出) closed the app"
else
  echo "deb-smoke: (no xdotool: 退出 not tried; scripts/install-system-packages.sh installs it)"
fi

echo "deb-smoke: OK in $(($(date +%s) - started)) s"
