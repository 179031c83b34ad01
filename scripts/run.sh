#!/usr/bin/env bash
# Set up and start pti_citizen in production mode on one port (default 3000; PTI_PORT to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
PORT="${PTI_PORT:-3000}"
exec reflex run --env prod --frontend-port "$PORT" --backend-port "$PORT"
