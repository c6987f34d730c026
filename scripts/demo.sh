#!/usr/bin/env bash
# berth's main job, end to end on the local engine. Until the CLI lands, it sets the engine up and shows what runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/engine.sh
docker version --format 'Docker Engine {{.Server.Version}}, API {{.Server.APIVersion}}'
docker run --rm busybox:1.29 echo 'hello from a busybox container on the local engine'
