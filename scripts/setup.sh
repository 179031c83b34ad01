#!/usr/bin/env bash
# Install everything pti_citizen needs, idempotently: Debian packages, a project-local bun for Reflex,
# the Python virtualenv. Usage: scripts/setup.sh [--dev]   (--dev adds the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."
DEV=0; [[ "${1:-}" == "--dev" ]] && DEV=1

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

# Debian packages: Chromium for the browser tests, Redis for the multi-worker tests, PostgreSQL for
# the database tests, nginx for the several-hosts capacity run (python -m loadtest.capacity --serve hosts).
need_apt=()
if [[ $DEV -eq 1 ]]; then
  command -v chromium >/dev/null || need_apt+=(chromium)
  command -v redis-server >/dev/null || need_apt+=(redis-server)
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_apt+=(postgresql)
  command -v nginx >/dev/null || need_apt+=(nginx-light)
fi
# A C compiler and Python's headers: set-up compiles the rights engine (scripts/compile_engine.py).
command -v gcc >/dev/null || need_apt+=(gcc)
"${PYTHON:-python3}" -c 'import pathlib, sysconfig, sys; sys.exit(not (pathlib.Path(sysconfig.get_paths()["include"]) / "Python.h").exists())' \
  || need_apt+=(python3-dev)
if (( ${#need_apt[@]} )); then
  echo "setup: apt-get install ${need_apt[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Bun and Node 22 from the npm registry (Reflex cannot download bun here; Node 20 is past its end of
# life), kept inside the project; scripts/env.sh puts tools/node_modules/.bin first on PATH.
if [[ ! -x tools/node_modules/.bin/bun ]] || [[ "$(tools/node_modules/.bin/bun --version 2>/dev/null)" != "1.4.4" ]] \
   || [[ "$(tools/node_modules/.bin/node --version 2>/dev/null)" != "v22.23.3" ]]; then
  echo "setup: npm ci in tools/ (bun 1.4.4, node 22.23.3, project-local)"
  (cd tools && npm ci --no-audit --no-fund --silent >/dev/null)
fi

# Python virtualenv.
PYTHON=${PYTHON:-python3}
[[ -x .venv/bin/python ]] || "$PYTHON" -m venv .venv
REQ=requirements.txt; [[ $DEV -eq 1 ]] && REQ=requirements-dev.txt
stamp=".venv/.installed-$(cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-16)-$DEV"
if [[ ! -f "$stamp" ]]; then
  echo "setup: pip install -r $REQ"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r "$REQ"
  rm -f .venv/.installed-*; touch "$stamp"
fi
# The rights engine compiled with Cython, in place; nothing to do when every compiled module is current
# (an edited module runs as Python until then: pti_citizen/simulator/compiled.py).
mkdir -p build
if ! .venv/bin/python scripts/compile_engine.py >build/compile-engine.log 2>&1; then
  tail -30 build/compile-engine.log; echo "setup: compiling the engine failed (build/compile-engine.log)"; exit 1
fi
tail -1 build/compile-engine.log
echo "setup: done"
