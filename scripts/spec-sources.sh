#!/usr/bin/env bash
# The upstream spec folders in import order (oldest Redis first, then Valkey), as absolute paths.
set -euo pipefail
root=$(cd "${1:?usage: spec-sources.sh <redis-specs folder>}" && pwd)
for name in redis-7.0.15 redis-7.2.6 redis-7.4.1 redis-8.0-dev valkey-8.1-dev; do
  [ -d "$root/$name" ] && echo "$root/$name"
done
