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

step "test tools (python-docx)"
bash scripts/docx-test-env.sh

step "format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings

step "engine tests"
cargo test --all-targets
