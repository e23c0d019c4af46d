#!/usr/bin/env bash
# Makes the Python environment the PDF tests use to measure exports like a reviewer with a ruler
# (tests/tools/pdfcheck.py, PyMuPDF and jieba): a venv under target/, so nothing is installed system-wide.
# Needs python3-venv (scripts/install-system-packages.sh). Idempotent; prints the python to use.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/target/pdfcheck-venv"
# jieba: pdfcheck's independent segmenter for the headline-break figures (the Python original of jieba-rs).
if ! "$venv/bin/python" -c "import pymupdf, jieba" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "pymupdf>=1.24,<2" "jieba==0.42.1"
fi
echo "$venv/bin/python"
