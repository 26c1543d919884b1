#!/usr/bin/env bash
# `npm run demo`: build Backstory, serve the demo article, open Chromium with the extension.
# Headed when a display exists, headless otherwise (screenshots to out/demo/). See scripts/demo.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null 2>&1; then
  echo "Node.js 20.19+ is needed: https://nodejs.org/ (or apt-get install nodejs npm)" >&2
  exit 1
fi
exec node scripts/demo.mjs "$@"
