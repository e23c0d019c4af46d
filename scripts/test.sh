#!/usr/bin/env bash
# Runs every test of the project on a fresh Debian 12 machine (as root): installs what the tests
# need (Debian packages, fonts, Python and npm packages), then the engine's tests, the lints,
# the front end's tests and the app's end-to-end test. CI (.ci/run) calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

step() { printf '\n=== %s ===\n' "$*"; }

step "system packages"
bash scripts/install-system-packages.sh
step "fonts"
bash scripts/fetch-fonts.sh
bash scripts/fetch-jieba-dict.sh

step "test tools (python-docx)"
bash scripts/docx-test-env.sh
step "test tools (PyMuPDF for pdfcheck.py)"
bash scripts/pdfcheck-env.sh

step "format and lints (engine)"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings

step "front end: types, ESLint, Prettier, vitest"
(cd ui && npm ci --no-audit --no-fund && npm run check && npm run build)

step "desktop app: lints and end-to-end test (real window under Xvfb, WebDriver)"
cargo clippy --features app --bin bulletin-app -- -D warnings
bash scripts/e2e.sh

step "engine tests"
mkdir -p target
cargo test --all-targets 2>&1 | tee target/engine-tests.log
# One closing line for the whole engine suite.
awk '/^test result:/ { p += $4; f += $6 } END { printf "engine: %d passed, %d failed\n", p, f }' target/engine-tests.log
