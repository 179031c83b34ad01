#!/usr/bin/env bash
# Set up and run the whole test suite: lint, unit tests, then browser tests against a production
# build that tests/e2e starts on its own port. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --dev
source scripts/env.sh
ruff check .
ruff format --check .
exec python -m pytest "$@"
