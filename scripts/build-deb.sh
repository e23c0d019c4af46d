#!/usr/bin/env bash
# Builds the Debian package of the desktop app (release build, fonts carried as resources):
# target/release/bundle/deb/Bulletin_<version>_amd64.deb. Install with `apt install ./…deb`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/fetch-fonts.sh >/dev/null
./scripts/fetch-jieba-dict.sh >/dev/null
# The UI is built here (Tauri embeds ui/dist at compile time); `build.features` in tauri.conf.json
# turns on the `app` feature.
(cd ui && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build)
ui/node_modules/.bin/tauri build --bundles deb "$@"
ls -l target/release/bundle/deb/*.deb
