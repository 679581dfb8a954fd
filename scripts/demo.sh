#!/usr/bin/env bash
# Installs OpenBranch into .venv and builds the demo branch into site/public and site/members.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
.venv/bin/openbranch check
exec .venv/bin/openbranch build "$@"
