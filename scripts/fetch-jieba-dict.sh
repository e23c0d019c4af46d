#!/usr/bin/env bash
# Puts jieba's dictionary into assets/jieba/ from the jieba-rs crate's source (crates.io, already
# in cargo's registry after a build or `cargo fetch`), for the headline breaks of docs/layout.md
# §4.1. The dictionary is sorted, so src/words/ looks words up in the file where it lies instead
# of loading it (jieba-rs' own load takes 100–140 ms, docs/dependencies.md). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=assets/jieba
[ -s "$dest/dict.txt" ] && [ -s "$dest/dict.total" ] && exit 0
mkdir -p "$dest"
cargo fetch -q
manifest=$(cargo metadata --format-version 1 --locked 2>/dev/null |
  python3 -c 'import json,sys; print(next(p["manifest_path"] for p in json.load(sys.stdin)["packages"] if p["name"] == "jieba-rs"))')
src=$(dirname "$manifest")/src/data/dict.txt
# The lookup needs byte order; the crate's copy is sorted so, but check rather than trust.
LC_ALL=C sort -c "$src"
cp "$src" "$dest/dict.txt.tmp" && mv "$dest/dict.txt.tmp" "$dest/dict.txt"
# The file's size and its frequency total, so a run need not read all 5 MB to sum them
# (src/words/dictionary.rs trusts it while the size matches).
size=$(stat -c %s "$dest/dict.txt")
total=$(awk '{ t += $2 } END { printf "%d", t }' "$dest/dict.txt")
echo "$size $total" > "$dest/dict.total"
