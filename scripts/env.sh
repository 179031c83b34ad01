# Environment shared by the run and test scripts (source it). No telemetry, no outbound checks.
export REFLEX_TELEMETRY_ENABLED=false
export REFLEX_CHECK_LATEST_VERSION=false
export NPM_CONFIG_REGISTRY="${NPM_CONFIG_REGISTRY:-$(npm config get registry 2>/dev/null || echo https://registry.npmjs.org/)}"
export REFLEX_BUN_PATH="${REFLEX_BUN_PATH:-$PWD/tools/node_modules/.bin/bun}"
export REFLEX_USE_GRANIAN=true
# The project's Node 22 and bun (tools/, scripts/setup.sh) before any system Node (Debian's is 20).
export PATH="$PWD/tools/node_modules/.bin:$PWD/.venv/bin:$PATH"
