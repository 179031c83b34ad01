#!/usr/bin/env bash
# Known vulnerabilities of the pinned packages: pip-audit against PyPI's advisory data and OSV, and
# npm audit for the build tools in tools/ (bun, node). Needs those services: run it where the network
# reaches them (a developer's machine, a CI runner with internet); here it says which one it could
# not reach and exits 3 instead of reporting « no vulnerability » it did not check.
#   scripts/audit.sh            # every requirement file, PyPI + OSV, and tools/
# Exit: 0 nothing known, 1 vulnerabilities found, 3 a service could not be reached.
set -uo pipefail
cd "$(dirname "$0")/.."
PIP_AUDIT_VERSION=2.10.1
VENV=.venv-audit
[[ -x $VENV/bin/pip-audit ]] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q "pip-audit==$PIP_AUDIT_VERSION"; } || exit 3
status=0
for service in pypi osv; do
  echo "audit: pip-audit -s $service"
  # --strict: a package that could not be checked is an error, not a silent skip.
  out=$("$VENV/bin/pip-audit" --strict -s "$service" -r requirements.txt -r requirements-dev.txt 2>&1); rc=$?
  echo "$out"
  if (( rc != 0 )) && grep -qiE "connection|resolve|timed out|network|unreachable|could not be audited" <<<"$out"; then
    echo "audit: the $service service could not be reached" >&2; status=3
  elif (( rc != 0 )) && (( status == 0 )); then
    status=1
  fi
done
echo "audit: npm audit (tools/)"
out=$(cd tools && npm audit --omit=dev --audit-level=low 2>&1); rc=$?
echo "$out"
if (( rc != 0 )) && grep -qiE "audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|network" <<<"$out"; then
  echo "audit: the npm advisory service could not be reached" >&2; status=3
elif (( rc != 0 )) && (( status == 0 )); then
  status=1
fi
exit $status
