#!/usr/bin/env bash
# Translation catalogs (babel gettext). One domain per feature; French is the source language.
#   scripts/i18n.sh extract   → locales/<domain>.pot from the code
#   scripts/i18n.sh update    → merge new strings into locales/<lang>/LC_MESSAGES/<domain>.po
#   scripts/i18n.sh compile   → .mo files the app loads (commit them with the .po files)
# Add domain names to work on some domains only: scripts/i18n.sh update messages ui_locator
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL=${PYBABEL:-.venv/bin/pybabel}
declare -A SOURCES=(
  [messages]="pti_citizen/ui/layout.py pti_citizen/ui/document.py pti_citizen/ui/pages pti_citizen/ui/components pti_citizen/ui/state pti_citizen/web pti_citizen/pti_citizen.py"
  [ui_locator]="pti_citizen/ui/locator"
  [ui_simulator]="pti_citizen/ui/simulator"
  [feedback]="pti_citizen/feedback pti_citizen/ui/feedback"
  [simulator]="pti_citizen/simulator"
  [directory]="pti_citizen/directory"
  [offers]="pti_citizen/offers"
  [content]="pti_citizen/content"
)
LANGS=(en es ar)
ACTION="${1:-}"; shift || true
DOMAINS=("$@"); (( ${#DOMAINS[@]} )) || DOMAINS=("${!SOURCES[@]}")
case "$ACTION" in
  extract)
    for domain in "${DOMAINS[@]}"; do
      # shellcheck disable=SC2086
      [[ -e ${SOURCES[$domain]%% *} ]] || continue
      $PYBABEL --quiet extract -k _ -k N_ -k _n:1,2 -k Nn_:1,2 --no-location --sort-output --project=pti_citizen \
        --copyright-holder=pti_citizen -o "locales/$domain.pot" ${SOURCES[$domain]}
    done ;;
  update)
    for domain in "${DOMAINS[@]}"; do
      [[ -f locales/$domain.pot ]] || continue
      for lang in "${LANGS[@]}"; do
        if [[ -f locales/$lang/LC_MESSAGES/$domain.po ]]; then
          $PYBABEL --quiet update --no-fuzzy-matching -D "$domain" -l "$lang" -i "locales/$domain.pot" -d locales
        else
          $PYBABEL --quiet init -D "$domain" -l "$lang" -i "locales/$domain.pot" -d locales
        fi
      done
    done ;;
  compile)
    for domain in "${DOMAINS[@]}"; do
      [[ -f locales/$domain.pot ]] || continue
      $PYBABEL --quiet compile -D "$domain" -d locales
    done ;;
  *) echo "usage: $0 extract|update|compile" >&2; exit 2 ;;
esac
