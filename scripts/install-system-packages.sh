#!/usr/bin/env bash
# Installs the Debian packages the build, the app and the tests need (run as root on Debian 12).
# Idempotent: packages already present are skipped by apt.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
packages=(
  # Tauri 2 / WebKitGTK (see docs/dependencies.md)
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev pkg-config build-essential
  # The menu's cut/copy/paste/select-all (tauri feature linux-libxdo)
  libxdo-dev
  # End-to-end tests of the app window
  xvfb webkit2gtk-driver imagemagick x11-utils xdotool
  # Real clients that read what we export
  poppler-utils libreoffice-writer-nogui fontconfig
  # Fallback font (Noto Serif CJK SC) copied into assets/fonts
  fonts-noto-cjk
  # Stand-ins for an office's installed fonts (tests/fonts_installed.rs): GB2312 TrueType faces
  # (文鼎ＰＬ简报宋, 文鼎ＰＬ简中楷) and a TrueType collection (文泉驿正黑)
  fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-zenhei fonts-liberation2
  # Tools used by scripts
  python3-venv curl ca-certificates
)
# Node.js for the app's UI build (ui/, Node 18.18+): Debian's, unless a node is already installed.
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
