#!/usr/bin/env bash
# The demo: brings the local stack up if needed, runs the bundled action on
# examples/hello as a GitHub runner would, and prints the pushed tags and digest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/stack.sh up
[ -f dist/index.cjs ] || npm run build
node_modules/.bin/node scripts/demo.mjs
