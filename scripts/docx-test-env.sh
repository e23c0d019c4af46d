#!/usr/bin/env bash
# Prepares what the DOCX tests (tests/docx*.rs) need beyond Debian's packages
# (scripts/install-system-packages.sh installs LibreOffice, poppler-utils, fontconfig, python3-venv):
# python-docx (and openpyxl, for the XLSX of tests/stats.rs) from PyPI in a virtual environment under target/, so nothing is installed system-wide.
# The tests find it at target/docx-test-venv/bin/python (or DOCX_TEST_PYTHON). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/docx-test-venv
if ! "$venv/bin/python" -c 'import docx, openpyxl' 2>/dev/null; then
  mkdir -p target
  # Debian's own python3 has venv (python3-venv); any python3 ≥ 3.9 works.
  py=$(command -v /usr/bin/python3 || command -v python3)
  "$py" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'python-docx==1.2.0' 'openpyxl==3.1.5'
fi
"$venv/bin/python" -c 'import docx, sys; print("python-docx", docx.__version__ if hasattr(docx, "__version__") else "ok", "in", sys.prefix)'
