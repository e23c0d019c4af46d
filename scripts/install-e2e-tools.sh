#!/usr/bin/env bash
# Installs what the end-to-end test of the app needs besides Debian packages
# (scripts/install-system-packages.sh brings xvfb, webkit2gtk-driver, poppler-utils):
#   - tauri-driver from crates.io (the WebDriver server for Tauri apps), into ~/.cargo/bin;
#   - Python selenium in a venv under target/e2e-venv.
# Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v tauri-driver >/dev/null 2>&1; then
  cargo install tauri-driver --locked
fi
venv=target/e2e-venv
if ! [ -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import selenium" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "selenium>=4.20,<5"
fi
echo "e2e tools ready: $(command -v tauri-driver), $venv/bin/python"
