#!/usr/bin/env bash
# Every check CI runs, from a fresh checkout: tools, codegen freshness, lint, build, types, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
# Turbo's cache stays in this checkout (in a git worktree it would default to the main one's),
# and the registry test's copy of the checkout reuses it.
export TURBO_CACHE_DIR="$PWD/.turbo/cache"
bash scripts/ensure-tools.sh

pnpm generate --check
# specs/ must be what importing its recorded sources gives. The upstream folders live beside the
# repository (../shared/redis-specs); a machine without them skips this, CI (CI set) fails.
if [ -d ../shared/redis-specs ]; then
  folders=$(bash scripts/spec-sources.sh ../shared/redis-specs)
  # shellcheck disable=SC2086 # one argument per folder
  pnpm redspec import --check $folders
elif [ -n "${CI:-}" ]; then
  echo "CI needs the upstream specs in ../shared/redis-specs (beside the repository)" >&2
  exit 1
fi
pnpm lint
pnpm build
pnpm typecheck
# The bench harness, once and tiny (bench/README.md, `--quick`): its figures mean nothing and
# nothing is timed, but a broken adapter, reference or report fails here, not on a quiet run.
pnpm --filter @redspec/bench run bench:quick
pnpm test
# The docs site (TypeDoc and every link) on its own, so its build does not compete with the
# timing of the live tests.
pnpm test:docs
# A real release to a local registry (test/registry/registry-test.sh), whose `pnpm release`
# runs the consumer test; it needs the upstream specs for its second release's update.
if [ -d ../shared/redis-specs ]; then
  bash test/registry/registry-test.sh
else
  pnpm test:consumer
fi
# One plain closing line for whoever reads the log: "vitest: N passed, N failed, N skipped".
node -e "
  const runs = ['results', 'docs-results'].map((name) => require('./.vitest/' + name + '.json'));
  const sum = (count) => runs.reduce((total, run) => total + count(run), 0);
  const skipped = sum((r) => r.numPendingTests + r.numTodoTests);
  console.log('vitest: ' + sum((r) => r.numPassedTests) + ' passed, ' + sum((r) => r.numFailedTests) + ' failed, ' + skipped + ' skipped');
"
