#!/usr/bin/env bash
# The upstream spec folders of specs/sources.json, in its (import) order, as absolute paths: a
# source's recorded `path` (relative to the repository root) when it has one, else
# <redis-specs folder>/<id>. Fails naming every folder it cannot find, so a check never runs on
# a partial list (whose "run: …" hint would drop the missing sources from specs/).
set -euo pipefail
cd "$(dirname "$0")/.."
specs_root=$(cd "${1:?usage: spec-sources.sh <redis-specs folder>}" && pwd)
node -e '
  const { existsSync } = require("node:fs");
  const { resolve } = require("node:path");
  const [specsRoot] = process.argv.slice(1);
  const sources = require(resolve("specs/sources.json"));
  const folders = sources.map((s) => (s.path ? resolve(s.path) : resolve(specsRoot, s.id)));
  const missing = folders.filter((folder) => !existsSync(folder));
  if (missing.length > 0) {
    console.error(`spec-sources.sh: specs/sources.json names folders that are missing:\n  ${missing.join("\n  ")}`);
    process.exit(1);
  }
  console.log(folders.join("\n"));
' "$specs_root"
