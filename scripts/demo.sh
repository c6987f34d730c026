#!/usr/bin/env bash
# berth's main job, end to end on the local engine: set the engine up, build berth, and run a container through
# the berth CLI (`berth run` = @berth/run-args's parseRunArgs + @berth/engine).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/engine.sh
npx turbo run build --filter=berth... --output-logs=errors-only >/dev/null
berth() { node apps/cli/dist/bin/bin.js "$@"; }
berth version
berth run --rm --name berth-demo -e GREETING='Hello from a container berth started' busybox:1.29 \
  sh -c 'echo "$GREETING"; id; hostname'
