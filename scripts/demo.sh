#!/usr/bin/env bash
# The main job from a fresh checkout: install tools, build, run the example app against Redis
# (REDIS_URL when set, else a redis-server spawned for the run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
pnpm build
pnpm --filter @redspec/examples run demo
