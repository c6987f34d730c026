#!/usr/bin/env bash
# A second Docker Engine for swarm tests, alone in a network namespace of its own: its swarm (ingress network,
# docker_gwbridge, published ports) lives there and never touches the engine the other tests share, and nothing it
# does can reach another machine (the namespace has only its loopback).
#   swarm-engine.sh start NAME   starts it (idempotent), loads the local test images, prints its DOCKER_HOST
#   swarm-engine.sh stop NAME    stops it and removes its namespace, state and images
set -euo pipefail

action=${1:?usage: swarm-engine.sh start|stop NAME}
name=${2:?usage: swarm-engine.sh start|stop NAME}
run_dir=/run/berth-swarm-$name
data_dir=/var/lib/berth-swarm-$name
socket=$run_dir/docker.sock
host=unix://$socket

say() { printf 'swarm-engine.sh: %s\n' "$*" >&2; }

answers() { DOCKER_HOST=$host timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

start() {
  if answers; then
    echo "$host"
    return 0
  fi
  ip netns add "berth-swarm-$name" 2>/dev/null || true
  ip -n "berth-swarm-$name" link set lo up
  mkdir -p "$run_dir" "$data_dir"
  # nsenter enters only the network namespace: `ip netns exec` would also remount /sys, hiding the cgroups dockerd needs
  HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 NO_PROXY=localhost,127.0.0.1,::1 \
    nohup nsenter --net="/var/run/netns/berth-swarm-$name" dockerd --host "$host" --data-root "$data_dir" \
    --exec-root "$run_dir/exec" --pidfile "$run_dir/docker.pid" >>"$run_dir/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do
    if answers; then break; fi
    sleep 0.5
  done
  if ! answers; then
    say "the swarm test engine did not answer; the last lines of $run_dir/dockerd.log:"
    tail -n 20 "$run_dir/dockerd.log" >&2
    exit 1
  fi
  # the images the tests use, from the shared engine (no registry is reachable from here)
  docker save busybox:1.29 berth-fixtures/web:latest berth-fixtures/agent:latest | DOCKER_HOST=$host docker load -q >/dev/null
  echo "$host"
}

stop() {
  # the swarm's tasks and any other container first: their shims would outlive dockerd and keep the namespace busy
  if answers; then
    DOCKER_HOST=$host docker swarm leave --force >/dev/null 2>&1 || true
    local ids
    ids=$(DOCKER_HOST=$host docker ps -aq 2>/dev/null || true)
    if [ -n "$ids" ]; then
      # shellcheck disable=SC2086 # one id per word
      DOCKER_HOST=$host docker rm -f $ids >/dev/null 2>&1 || true
    fi
  fi
  if [ -f "$run_dir/docker.pid" ]; then
    local pid
    pid=$(cat "$run_dir/docker.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
  fi
  pkill -f -- "-address $run_dir/" 2>/dev/null || true
  # what dockerd left mounted under its directories goes before the directories do
  grep -oE " ($run_dir|$data_dir)[^ ]*" /proc/self/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$run_dir" "$data_dir"
  ip netns del "berth-swarm-$name" 2>/dev/null || true
}

case "$action" in
start) start ;;
stop) stop ;;
*)
  say "unknown action $action"
  exit 2
  ;;
esac
