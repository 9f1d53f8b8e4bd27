#!/usr/bin/env bash
# Installs what a fresh machine lacks for Redspec: redis-server (Debian) and the pinned pnpm.
set -euo pipefail

if ! command -v redis-server >/dev/null 2>&1; then
  echo "installing redis-server with apt-get"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi

pinned=$(node -p "require('./package.json').packageManager.split('@')[1].split('+')[0]")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$pinned" ]; then
  echo "installing pnpm@$pinned"
  npm install -g "pnpm@$pinned" >/dev/null 2>&1
fi

pnpm install --frozen-lockfile --reporter=silent
