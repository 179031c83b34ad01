# Environment shared by the run and test scripts (source it). No telemetry, no outbound checks.
export REFLEX_TELEMETRY_ENABLED=false
export REFLEX_CHECK_LATEST_VERSION=false
export NPM_CONFIG_REGISTRY="${NPM_CONFIG_REGISTRY:-$(npm config get registry 2>/dev/null || echo https://registry.npmjs.org/)}"
export REFLEX_BUN_PATH="${REFLEX_BUN_PATH:-$PWD/tools/node_modules/.bin/bun}"
export REFLEX_USE_GRANIAN=true
export PATH="$PWD/.venv/bin:$PATH"
