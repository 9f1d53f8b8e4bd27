#!/usr/bin/env bash
# Prints "name<TAB>folder" for every public (non-private) workspace package, or for the ones named
# as arguments. Shared by pack.sh and check-packages.sh so both see the same list.
set -euo pipefail
cd "$(dirname "$0")/../.."
pnpm -r ls --depth -1 --json | node -e '
  const wanted = process.argv.slice(1);
  const all = JSON.parse(require("node:fs").readFileSync(0, "utf8")).filter((p) => !p.private);
  const unknown = wanted.filter((name) => !all.some((p) => p.name === name));
  if (unknown.length > 0) {
    console.error(`not a public workspace package: ${unknown.join(", ")}`);
    process.exit(2);
  }
  for (const p of all.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (wanted.length === 0 || wanted.includes(p.name)) console.log(`${p.name}\t${p.path}`);
  }
' "$@"
