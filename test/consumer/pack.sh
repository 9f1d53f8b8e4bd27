#!/usr/bin/env bash
# Builds the public packages (all, or those named) and packs them into dist-packages/ with
# `pnpm pack`, which turns `workspace:*` ranges into real versions as `pnpm publish` would.
# Usage: pack.sh [--no-build] [@redspec/name ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=select-and-build.sh
source test/consumer/select-and-build.sh "$@"
rm -rf dist-packages && mkdir -p dist-packages
while IFS=$'\t' read -r name dir; do
  (cd "$dir" && pnpm pack --pack-destination "$OLDPWD/dist-packages" >/dev/null </dev/null)
  echo "packed $name"
done <<<"$packages"
ls -1 dist-packages/*.tgz
