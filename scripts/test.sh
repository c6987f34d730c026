#!/usr/bin/env bash
# The whole suite: engine and images first, then every workspace's tests through turbo, then one total line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/engine.sh
node scripts/test-summary.mjs clean
status=0
# two at a time on these 2-core machines: engine tests measure timing (restart backoff, log follow) and need the room
npx turbo run test --continue --concurrency=2 || status=$?
node scripts/test-summary.mjs report
exit "$status"
