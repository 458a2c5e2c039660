#!/usr/bin/env bash
# Lints every bpmn/*.bpmn of the repository with bpmnlint
# (bpmnlint:recommended + camunda-compat for Camunda Platform 7.24, see .bpmnlintrc).
#
# Usage, from anywhere:  bash .ci/bpmnlint/lint.sh [FILE.bpmn ...]
# Without arguments it lints <repo>/bpmn/*.bpmn; with arguments, only the files given.
# Exits non-zero on any error-level report, an unparsable file, or an import warning.
#
# bpmnlint reads .bpmnlintrc from, and resolves its plugins and moddle extensions
# relative to, the current directory, so the lint itself runs inside this directory
# with absolute file paths.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

files=()
if [ "$#" -gt 0 ]; then
  for f in "$@"; do
    files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
  done
else
  shopt -s nullglob
  files=("$repo"/bpmn/*.bpmn)
  shopt -u nullglob
fi

if [ "${#files[@]}" -eq 0 ]; then
  echo "bpmnlint: no bpmn/*.bpmn files in $repo, nothing to lint"
  exit 0
fi

cd "$here"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi

echo "bpmnlint $(node_modules/.bin/bpmnlint --version) on ${#files[@]} file(s):"
printf '  %s\n' "${files[@]#"$repo"/}"
node_modules/.bin/bpmnlint --config "$here/.bpmnlintrc" "${files[@]}"
echo "bpmnlint: no errors"
