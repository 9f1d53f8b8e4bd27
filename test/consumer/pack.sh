#!/usr/bin/env bash
# Builds the public packages (all, or those named) and packs them into dist-packages/ with
# `pnpm pack`, which turns `workspace:*` ranges into real versions as `pnpm publish` would.
# Usage: pack.sh [--no-build] [@redspec/name ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=true
if [ "${1:-}" = "--no-build" ]; then build=false; shift; fi
packages=$(bash test/consumer/public-packages.sh "$@")
if $build; then
  filters=$(cut -f1 <<<"$packages" | sed 's/^/--filter=/' | tr '\n' ' ')
  # shellcheck disable=SC2086 # one --filter per package
  pnpm turbo run build $filters --output-logs=errors-only
fi
rm -rf dist-packages && mkdir -p dist-packages
while IFS=$'\t' read -r name dir; do
  (cd "$dir" && pnpm pack --pack-destination "$OLDPWD/dist-packages" >/dev/null </dev/null)
  echo "packed $name"
done <<<"$packages"
ls -1 dist-packages/*.tgz
