#!/usr/bin/env bash
# Set up and start pti_citizen in production mode on one port (default 3000; PTI_PORT to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
PORT="${PTI_PORT:-3000}"
# scripts/serve.py is `reflex run` with a lean supervisor and a worker that comes back if it dies.
exec python scripts/serve.py --env prod --frontend-port "$PORT" --backend-port "$PORT"
