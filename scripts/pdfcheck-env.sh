#!/usr/bin/env bash
# Makes the Python environment the PDF tests use to measure exports like a reviewer with a ruler
# (tests/tools/pdfcheck.py, PyMuPDF and jieba; fontTools to patch a face's fsType for the font tests):
# a venv under target/, so nothing is installed system-wide.
# Needs python3-venv (scripts/install-system-packages.sh). Idempotent; prints the python to use.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/target/pdfcheck-venv"
# jieba: pdfcheck's independent segmenter for the headline-break figures (the Python original of jieba-rs).
# fontTools: tests/fonts_installed.rs makes a copy of a face whose OS/2 fsType forbids embedding.
# `python -m pip`, not bin/pip: a venv copied from another checkout keeps that checkout's pip shebang.
if ! "$venv/bin/python" -c "import pymupdf, jieba, fontTools" 2>/dev/null; then
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check "pymupdf>=1.24,<2" "jieba==0.42.1" \
    "fonttools>=4.50,<5"
fi
echo "$venv/bin/python"
