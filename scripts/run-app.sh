#!/usr/bin/env bash
# Builds and starts the desktop app from a fresh checkout (the README's first command):
# Debian packages (WebKitGTK and the rest), the bundled fonts, the UI's npm packages, then
# `cargo run --features app --bin bulletin-app`. Extra arguments go to cargo (e.g. --release).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ]; then
  ./scripts/install-system-packages.sh
elif command -v sudo >/dev/null 2>&1; then
  sudo ./scripts/install-system-packages.sh
else
  echo "Run scripts/install-system-packages.sh as root first." >&2
fi
./scripts/fetch-fonts.sh >/dev/null
./scripts/fetch-jieba-dict.sh >/dev/null
if ! command -v node >/dev/null 2>&1; then
  echo "Node.js (18.18 or newer) and npm are needed to build the UI: apt-get install nodejs npm" >&2
  exit 1
fi
(cd ui && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build)
exec cargo run --features app --bin bulletin-app "$@"
