#!/usr/bin/env bash
# Every check CI runs, from a fresh checkout: tools, codegen freshness, lint, build, types, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh

pnpm generate --check
if [ -d ../shared/redis-specs ]; then
  pnpm redspec import --check $(bash scripts/spec-sources.sh ../shared/redis-specs)
fi
pnpm lint
pnpm build
pnpm typecheck
pnpm test
pnpm test:consumer
# One plain closing line for whoever reads the log: "vitest: N passed, N failed".
node -e "const r = require('./.vitest/results.json'); console.log('vitest: ' + r.numPassedTests + ' passed, ' + r.numFailedTests + ' failed')"
