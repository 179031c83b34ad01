#!/usr/bin/env bash
# Translation catalogs (babel gettext). One domain per feature; French is the source language.
#   scripts/i18n.sh extract   → locales/<domain>.pot from the code
#   scripts/i18n.sh update    → merge new strings into locales/<lang>/LC_MESSAGES/<domain>.po
#   scripts/i18n.sh compile   → .mo files the app loads (commit them with the .po files)
# Add domain names to work on some domains only: scripts/i18n.sh update messages ui_locator
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL=${PYBABEL:-.venv/bin/pybabel}
PYTHON=${PYTHON:-.venv/bin/python}
# Languages and domains come from the registry (pti_citizen/languages.py), never from a list here.
declare -A SOURCES=()
while IFS=$'\t' read -r domain sources; do SOURCES[$domain]="$sources"; done \
  < <($PYTHON -m pti_citizen.languages domains)
mapfile -t LANGS < <($PYTHON -m pti_citizen.languages translations)
(( ${#LANGS[@]} )) || { echo "$0: no languages from pti_citizen.languages" >&2; exit 1; }
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
