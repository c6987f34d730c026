#!/usr/bin/env bash
# The whole suite: engine and images first, then every workspace's tests through turbo, then one total line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/engine.sh
node scripts/test-summary.mjs clean
status=0
npx turbo run test --continue || status=$?
node scripts/test-summary.mjs report
exit "$status"
