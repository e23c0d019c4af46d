#!/usr/bin/env bash
# End-to-end test of the desktop app (CI entry point): builds the UI and the app, then drives the
# real window under Xvfb through WebDriver (tauri-driver + Debian's WebKitWebDriver).
# Screenshots: target/e2e-screenshots/. Needs the Debian packages of
# scripts/install-system-packages.sh (run it first as root on a fresh machine).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/fetch-fonts.sh >/dev/null
./scripts/fetch-jieba-dict.sh >/dev/null
./scripts/install-e2e-tools.sh
export PATH="$HOME/.cargo/bin:$PATH"
(cd ui && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build)
cargo build --features app --bin bulletin-app
rm -rf target/e2e-screenshots
export WEBKIT_DISABLE_COMPOSITING_MODE=1
xvfb-run -a -s "-screen 0 1600x1000x24" target/e2e-venv/bin/python tests/e2e/test_app.py
