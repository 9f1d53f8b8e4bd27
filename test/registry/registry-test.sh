#!/usr/bin/env bash
# Publishes for real: starts a verdaccio registry (a devDependency) on a free port, releases a
# copy of this checkout to it with `pnpm release --publish` (which runs the consumer test first),
# installs @redspec/client from it into a clean app with npm and with pnpm, typechecks the app
# strictly against the published declarations and runs it against a redis-server. Then it plays
# a maintainer's next release: `redspec update` with the fixture source in fixtures/, the
# printed overlay stub added, `changeset version`, `pnpm release --publish` again, and checks
# that the registry's new version is the one the changeset's bump gives and that the upgraded
# app sees the new surface. Nothing is written outside a temp folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
started=$SECONDS
specs_root=$(cd ../shared/redis-specs && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/redspec-registry-XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
step() { echo "── registry test, $((SECONDS - started))s: $*"; }
free_port() { node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"; }

# The registry: no uplinks, so @redspec/* can only come from what this test publishes.
port=$(free_port)
registry="http://127.0.0.1:$port/"
mkdir -p "$work/verdaccio"
cat >"$work/verdaccio/config.yaml" <<EOF
storage: $work/verdaccio/storage
auth:
  htpasswd:
    file: $work/verdaccio/htpasswd
uplinks: {}
packages:
  '@redspec/*':
    access: \$all
    publish: \$authenticated
log: { type: stdout, format: pretty, level: warn }
EOF
node_modules/.bin/verdaccio --config "$work/verdaccio/config.yaml" --listen "127.0.0.1:$port" \
  >"$work/verdaccio/log" 2>&1 &
pids+=($!)
token=$(REGISTRY="$registry" node -e '
  const url = `${process.env.REGISTRY}-/user/org.couchdb.user:redspec`;
  const body = JSON.stringify({ name: "redspec", password: "registry-test" });
  (async () => {
    for (let i = 0; i < 100; i++) {
      try {
        const res = await fetch(url, { method: "PUT", body, headers: { "content-type": "application/json" } });
        if (res.ok) return console.log((await res.json()).token);
      } catch {}
      await new Promise((r) => setTimeout(r, 200));
    }
    process.exit(1);
  })();
') || { cat "$work/verdaccio/log"; exit 1; }
npmrc="@redspec:registry=$registry
//127.0.0.1:$port/:_authToken=$token"
step "verdaccio $(node_modules/.bin/verdaccio --version) on $registry"

# A copy of the checkout (tracked and new files, no build output), so versions can be bumped.
repo="$work/repo"
mkdir -p "$repo"
git ls-files -co --exclude-standard -z | tar --null -T - -cf - | tar -xf - -C "$repo"
echo "$npmrc" >"$repo/.npmrc"
cd "$repo"
pnpm install --frozen-lockfile --prefer-offline --reporter=silent
pnpm changeset version >/dev/null
version=$(node -p "require('./packages/client/package.json').version")
step "releasing $version"
pnpm release --publish --no-git-checks

redis_port=$(free_port)
redis-server --port "$redis_port" --save '' --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)
export REDIS_URL="redis://127.0.0.1:$redis_port"
for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

typescript=$(node -p "require('typescript/package.json').version")
# A clean app: the sources of test/registry/app, the README's CommonJS example, and registry
# settings for @redspec/* only (everything else comes from the default registry).
new_app() {
  local app="$work/$1"
  mkdir -p "$app"
  cp "$root"/test/registry/app/* "$app/"
  node -e '
    const readme = require("node:fs").readFileSync(process.argv[1], "utf8");
    const install = readme.slice(readme.indexOf("## Install"));
    process.stdout.write(/```js\n([\s\S]*?)```/.exec(install)[1]);
  ' "$root/README.md" >"$app/readme.cjs"
  echo '{ "name": "redspec-registry-app", "private": true, "type": "module" }' >"$app/package.json"
  echo "@redspec:registry=$registry" >"$app/.npmrc"
  echo "$app"
}
check_app() {
  (cd "$1" && ./node_modules/.bin/tsc -p tsconfig.json && node out/app.js && node out/smoke.cjs && node readme.cjs >/dev/null)
}

app=$(new_app npm-app)
(cd "$app" && npm install --no-audit --no-fund --loglevel=error \
  "@redspec/client@$version" "typescript@$typescript" "@types/node@20")
check_app "$app"
step "npm app: installed $version from the registry, typechecked, ran"

pnpm_app=$(new_app pnpm-app)
(cd "$pnpm_app" && pnpm add --reporter=silent "@redspec/client@$version" "typescript@$typescript" "@types/node@20")
check_app "$pnpm_app"
step "pnpm app: installed $version from the registry, typechecked, ran"

# The next release: an update, as a maintainer runs it, against the published release.
update() {
  pnpm redspec update --from "$root/test/registry/fixtures/redis-8.2.0" --sources-root "$specs_root" | tee "$work/update.log"
}
update
grep -q 'compared with @redspec/types@'"$version"' as published' "$work/update.log"
grep -q '^warning: LMOVE' "$work/update.log"
# Add the overlay stub the warning printed, as the warning says, and run the update again.
node -e '
  const fs = require("node:fs");
  const lines = fs.readFileSync(process.argv[1], "utf8").split("\n");
  const start = lines.findIndex((line, i) => line === "{" && lines[i - 1].includes("warning: LMOVE"));
  const stub = JSON.parse(lines.slice(start, lines.indexOf("}", start) + 1).join("\n"));
  const file = "specs/overlay/reply-overloads.json";
  fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, "utf8")), ...stub }, null, 2) + "\n");
' "$work/update.log"
update
if grep -q '^warning:' "$work/update.log"; then echo "the stub did not settle the warning" >&2; exit 1; fi
changeset=$(ls .changeset/regenerate-*.md)
[ "$(echo "$changeset" | wc -l)" -eq 1 ] || { echo "expected one regenerate changeset: $changeset" >&2; exit 1; }
bump=$(sed -n "s/^'@redspec\/client': //p" "$changeset")
# The fixture only adds (HGETEX, LMOVE's COUNT): with the stub in, the bump must be minor.
[ "$bump" = minor ] || { echo "expected a minor changeset after the stub, got $bump" >&2; exit 1; }
expected=$(node -e '
  const [major, minor, patch] = process.argv[1].split(".").map(Number);
  const next = { major: [major + 1, 0, 0], minor: [major, minor + 1, 0], patch: [major, minor, patch + 1] };
  console.log(next[process.argv[2]].join("."));
' "$version" "$bump")
pnpm changeset version >/dev/null
next=$(node -p "require('./packages/client/package.json').version")
[ "$next" = "$expected" ] || { echo "changeset version gave $next, the $bump changeset says $expected" >&2; exit 1; }
step "releasing $next (a $bump bump, as the update's changeset says)"
pnpm release --publish --no-git-checks
published=$(cd "$app" && npm view @redspec/client versions --json | tr -d ' \n')
echo "$published" | grep -q "\"$version\"" && echo "$published" | grep -q "\"$next\""

cp "$root/test/registry/next/next.ts" "$app/"
echo '{ "extends": "./tsconfig.json", "files": ["next.ts"] }' >"$app/tsconfig.next.json"
(cd "$app" && npm install --no-audit --no-fund --loglevel=error "@redspec/client@$next" &&
  ./node_modules/.bin/tsc -p tsconfig.next.json && node out/next.js)
step "registry now has $published; the npm app upgraded to $next and sees the new surface"
echo "registry test passed in $((SECONDS - started))s"
