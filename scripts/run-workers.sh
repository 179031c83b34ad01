#!/usr/bin/env bash
# Start pti_citizen with several workers sharing the sessions through Redis, on one port.
#   PTI_WORKERS=2 scripts/run-workers.sh          # starts Debian's redis-server on 127.0.0.1 too
#   REFLEX_REDIS_URL=redis://10.0.0.5:6379/0 PTI_WORKERS=4 scripts/run-workers.sh   # a shared Redis
# Extra arguments go to `reflex run` (defaults: --env prod --frontend-port $PTI_PORT --backend-port $PTI_PORT).
# Workers run through scripts/serve.py: a worker that dies is replaced and its tabs keep their session.
# Several hosts behind a reverse proxy: docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
PORT="${PTI_PORT:-3000}"
export GRANIAN_WORKERS="${PTI_WORKERS:-2}"

redis_pid=""
if [[ -z "${REFLEX_REDIS_URL:-}" ]]; then
  if ! command -v redis-server >/dev/null; then
    as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }
    echo "run-workers: apt-get install redis-server"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq redis-server >/dev/null
  fi
  REDIS_PORT="${PTI_REDIS_PORT:-6380}"
  # No persistence on purpose: sessions hold answers, and the app keeps nothing personal on disk.
  # A restarted Redis is empty; the tabs send their answers back (pti_citizen/ui/session_guard.py).
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --loglevel warning &
  redis_pid=$!
  trap '[[ -n "$redis_pid" ]] && kill "$redis_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  export REFLEX_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
fi
echo "run-workers: $GRANIAN_WORKERS workers on port $PORT, sessions in $REFLEX_REDIS_URL"
if (( $# )); then
  python scripts/serve.py "$@"
else
  python scripts/serve.py --env prod --frontend-port "$PORT" --backend-port "$PORT"
fi
