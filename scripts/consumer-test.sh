#!/usr/bin/env bash
# What a user gets from npm: packs every public package, checks them with publint and attw, then
# installs the client's tarballs into a fresh npm project (no workspace links, no source
# aliases), requires and imports them, typechecks test/consumer/app with tsc and runs it
# against a redis-server started here on a free port.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$SECONDS

bash test/consumer/pack.sh "$@"
bash test/consumer/check-packages.sh --no-build "$@"

work=$(mktemp -d "${TMPDIR:-/tmp}/redspec-consumer-XXXXXX")
redis_pid=""
cleanup() {
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

tarball() { ls "$root"/dist-packages/redspec-"$1"-*.tgz; }
typescript=$(node -p "require('typescript/package.json').version")
cp test/consumer/app/app.ts test/consumer/app/smoke.cts test/consumer/app/tsconfig.json "$work/"
cd "$work"
echo '{ "name": "redspec-consumer", "private": true, "type": "module" }' >package.json
echo "installing the tarballs with npm into $work"
npm install --no-audit --no-fund --loglevel=error \
  "$(tarball types)" "$(tarball pipeline)" "$(tarball client)" \
  "typescript@$typescript" "@types/node@20"

for name in types pipeline client; do
  node -e "const m = require('@redspec/$name'); if (Object.keys(m).length === 0) process.exit(1)"
  node --input-type=module -e "const m = await import('@redspec/$name'); if (Object.keys(m).length === 0) process.exit(1)"
done
echo "require() and import() of @redspec/types, pipeline and client: ok"

./node_modules/.bin/tsc -p tsconfig.json
echo "tsc: the typed app compiles against the published types"

port=$(node -e "const s = require('node:net').createServer().listen(0, () => { console.log(s.address().port); s.close(); })")
redis-server --port "$port" --save '' --appendonly no --daemonize no >redis.log 2>&1 &
redis_pid=$!
for _ in $(seq 50); do
  redis-cli -p "$port" ping >/dev/null 2>&1 && break
  sleep 0.1
done
REDIS_URL="redis://127.0.0.1:$port" node out/app.js
node out/smoke.cjs
echo "consumer test passed in $((SECONDS - started))s"
