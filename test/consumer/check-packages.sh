#!/usr/bin/env bash
# Package hygiene for every public package (or those named): publint on what `pnpm pack` ships,
# @arethetypeswrong/cli on what `npm pack` ships, so ESM, CJS and each TypeScript module
# resolution find types that match the code, and the registry metadata (check-metadata.mjs).
# Needs built dist/ folders (pack.sh builds them).
# Usage: check-packages.sh [--no-build] [@redspec/name ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=select-and-build.sh
source test/consumer/select-and-build.sh "$@"
failed=()
while IFS=$'\t' read -r name dir; do
  echo "── $name"
  pnpm exec publint run "$dir" --pack pnpm --strict </dev/null || failed+=("$name (publint)")
  pnpm exec attw --pack "$dir" --no-color </dev/null || failed+=("$name (attw)")
  node test/consumer/check-metadata.mjs "$dir" || failed+=("$name (metadata)")
done <<<"$packages"
if [ ${#failed[@]} -gt 0 ]; then
  printf 'package checks failed: %s\n' "${failed[*]}" >&2
  exit 1
fi
echo "publint, attw and metadata: no problems in $(wc -l <<<"$packages") packages"
