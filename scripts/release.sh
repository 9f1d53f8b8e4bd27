#!/usr/bin/env bash
# Releases the public packages. By default a dry run: build, pack into dist-packages/, check
# them (publint, attw) and install them into a fresh consumer app (scripts/consumer-test.sh),
# then list what would be published. With --publish, then runs `pnpm publish -r`, which
# publishes each public package whose version is not on the registry yet, and tags the versions
# (`pnpm changeset tag`). test/registry/registry-test.sh runs all of it against a real registry.
#
# The usual order: `pnpm changeset version` (bumps versions, writes CHANGELOG.md), commit,
# `pnpm release` to check, `pnpm release --publish`.
set -euo pipefail
cd "$(dirname "$0")/.."

publish=false
case "${1:-}" in
  --publish)
    publish=true
    shift
    ;;
  "" | --dry-run) ;;
  *)
    echo "usage: pnpm release [--dry-run | --publish [pnpm publish options]]" >&2
    exit 2
    ;;
esac

pending=$(find .changeset -name '*.md' ! -name 'README.md' | wc -l)
if [ "$pending" -gt 0 ]; then
  echo "note: $pending changeset(s) not yet applied; run \`pnpm changeset version\` first to bump versions"
fi

bash scripts/consumer-test.sh

echo
echo "tarballs in dist-packages/:"
for file in dist-packages/*.tgz; do
  printf '  %-40s %6s KiB, %s files\n' "$(basename "$file")" \
    "$(($(wc -c <"$file") / 1024))" "$(tar -tzf "$file" | wc -l)"
done

if $publish; then
  # Options after --publish go to pnpm publish (say, --registry <url> or --no-git-checks).
  pnpm publish -r --access public "$@"
  # Tags name what was released (`@redspec/types@0.3.0`): `redspec update` diffs against the
  # newest one, so a regeneration's changeset is computed against the last release.
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then pnpm changeset tag; fi
else
  echo "dry run: nothing published; \`pnpm release --publish\` runs \`pnpm publish -r --access public\`"
fi
