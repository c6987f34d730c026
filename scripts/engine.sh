#!/usr/bin/env bash
# Makes sure a Docker Engine answers, then imports busybox and builds the book's stand-in images.
# Idempotent: a second run changes nothing and finishes in a few seconds.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
log_file=${BERTH_DOCKERD_LOG:-/var/log/berth-dockerd.log}
export DOCKER_BUILDKIT=0 # no buildx on these machines: the classic builder is enough for FROM/COPY/RUN

say() { printf 'engine.sh: %s\n' "$*" >&2; }

engine_answers() { timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

install_debian_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  [ -x /bin/busybox ] && file_is_static /bin/busybox || missing+=(busybox-static)
  command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
  command -v tmux >/dev/null 2>&1 || missing+=(tmux)
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} with apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
}

file_is_static() { ! ldd "$1" >/dev/null 2>&1; }

start_engine() {
  if engine_answers; then return 0; fi
  if [ -n "${DOCKER_HOST:-}" ] && [[ "$DOCKER_HOST" != unix:///var/run/docker.sock ]]; then
    say "no engine answers at DOCKER_HOST=$DOCKER_HOST; start it, or unset DOCKER_HOST to use a local one"
    exit 1
  fi
  if [ ! -r /etc/debian_version ] || [ "$(id -u)" -ne 0 ]; then
    say "a Docker Engine is needed on /var/run/docker.sock: start Docker (or set DOCKER_HOST), then run this again"
    exit 1
  fi
  install_debian_packages
  say "starting dockerd (log: $log_file)"
  # No registry is reachable from here, and nothing may leave the machine: point the daemon's registry traffic at a
  # closed loopback port so that an accidental pull fails at once instead of looking up public hosts.
  HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 NO_PROXY=localhost,127.0.0.1,::1 \
    nohup dockerd >>"$log_file" 2>&1 &
  for _ in $(seq 1 60); do
    if engine_answers; then return 0; fi
    sleep 1
  done
  say "dockerd did not answer within 60 s; the last lines of $log_file:"
  tail -n 20 "$log_file" >&2
  exit 1
}

# label value of an image, or nothing when the image is missing
image_label() { docker image inspect --format "{{index .Config.Labels \"$2\"}}" "$1" 2>/dev/null || true; }

import_busybox() {
  [ -x /bin/busybox ] && file_is_static /bin/busybox || install_debian_packages
  local recipe
  # contents only, not paths: every checkout of the repo agrees on the recipe
  recipe=$(cat /bin/busybox "$root/fixtures/busybox-rootfs.sh" | sha256sum | cut -c1-16)
  if [ "$(image_label busybox:1.29 berth.fixture.hash)" = "$recipe" ] &&
    [ "$(image_label busybox:latest berth.fixture.hash)" = "$recipe" ]; then
    return 0
  fi
  say "importing busybox:1.29 from /bin/busybox"
  local rootfs
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' RETURN
  bash "$root/fixtures/busybox-rootfs.sh" /bin/busybox "$rootfs"
  tar -C "$rootfs" --numeric-owner -c . |
    docker import -c 'CMD ["sh"]' -c "LABEL berth.fixture.hash=$recipe" - busybox:1.29 >/dev/null
  docker tag busybox:1.29 busybox:latest
}

build_fixture() {
  local name=$1 dir="$root/fixtures/images/$1"
  if [ -f "$dir/build.sh" ]; then bash "$dir/build.sh"; fi
  local recipe
  recipe=$( (docker image inspect --format '{{.Id}}' busybox:1.29; cd "$dir" && find . -type f ! -path './out/*' -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16)
  if [ "$(image_label "berth-fixtures/$name:latest" berth.fixture.hash)" = "$recipe" ]; then return 0; fi
  say "building berth-fixtures/$name"
  local output
  if ! output=$(docker build -q --label "berth.fixture.hash=$recipe" -t "berth-fixtures/$name:latest" "$dir" 2>&1); then
    say "building berth-fixtures/$name failed:"
    printf '%s\n' "$output" >&2
    exit 1
  fi
}

# --- local registries (pull/push/login tests, loopback only) ---------------------------------------------------------
# 127.0.0.1:5000 asks for htpasswd credentials, 127.0.0.1:5001 asks for none. The user and password are made here on
# the first run and kept in $registry_dir/credentials (user:password, mode 0600), never in the repo; tests read them
# from there. dockerd allows plain http to 127.0.0.0/8 registries by default (Insecure Registries in `docker info`).
registry_dir=${BERTH_REGISTRY_DIR:-/var/lib/berth-registry}

registry_answers() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/v2/")" = "$2" ]; }

write_registry_config() {
  local dir=$1 port=$2 auth=$3
  mkdir -p "$dir/data"
  {
    printf 'version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: %s/data\n' "$dir"
    printf '  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:%s\n' "$port"
    if [ -n "$auth" ]; then printf 'auth:\n  htpasswd:\n    realm: berth-registry\n    path: %s\n' "$auth"; fi
  } >"$dir/config.yml"
}

make_registry_credentials() {
  [ -s "$registry_dir/credentials" ] && [ -s "$registry_dir/auth/htpasswd" ] && return 0
  local user=berth password hash
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  # distribution reads bcrypt hashes only; glibc's crypt makes them ($2b$ and $2a$ agree for such passwords)
  hash=$(BERTH_PASSWORD=$password python3 -W ignore -c \
    'import crypt, os; print(crypt.crypt(os.environ["BERTH_PASSWORD"], crypt.mksalt(crypt.METHOD_BLOWFISH)))')
  mkdir -p "$registry_dir/auth"
  (umask 077 && printf '%s:%s\n' "$user" "${hash/#\$2b\$/\$2a\$}" >"$registry_dir/auth/htpasswd" &&
    printf '%s:%s\n' "$user" "$password" >"$registry_dir/credentials")
}

start_registry() {
  local name=$1 port=$2 expected=$3 auth=$4
  if registry_answers "$port" "$expected"; then return 0; fi
  write_registry_config "$registry_dir/$name" "$port" "$auth"
  say "starting docker-registry on 127.0.0.1:$port (log: $registry_dir/$name/registry.log)"
  nohup docker-registry serve "$registry_dir/$name/config.yml" >>"$registry_dir/$name/registry.log" 2>&1 &
  for _ in $(seq 1 50); do
    if registry_answers "$port" "$expected"; then return 0; fi
    sleep 0.2
  done
  say "docker-registry on 127.0.0.1:$port did not answer; the last lines of its log:"
  tail -n 20 "$registry_dir/$name/registry.log" >&2
  exit 1
}

start_registries() {
  command -v docker-registry >/dev/null 2>&1 || install_debian_packages
  make_registry_credentials
  start_registry auth 5000 401 "$registry_dir/auth/htpasswd"
  start_registry open 5001 200 ''
}

# the test suite also needs busybox-static (image import) and docker-registry (push/pull tests on loopback)
if [ -r /etc/debian_version ] && [ "$(id -u)" -eq 0 ]; then install_debian_packages; fi
start_engine
import_busybox
for dir in "$root"/fixtures/images/*/; do
  build_fixture "$(basename "$dir")"
done
if [ "$(id -u)" -eq 0 ]; then start_registries; fi
say "engine $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})') ready"
