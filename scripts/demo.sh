#!/usr/bin/env bash
# berth's main job: the website monitor of Docker in Action, ch. 2.1, run through the berth binary on the local
# engine — a web server, a mailer, and an agent linked to both that mails an alert when the web server is down.
# Each command is printed before it runs, like the book's listings.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '\n\033[1m# %s\033[0m\n' "$*"; }
berth() { node apps/cli/dist/bin/bin.js "$@"; }
# prints a berth command line as one would type it (words with blanks or braces in quotes), then runs it
show() {
  local line='$ berth' word
  for word in "$@"; do
    if [[ $word =~ ^[A-Za-z0-9_@%+=:,./-]+$ ]]; then line+=" $word"; else line+=" '$word'"; fi
  done
  printf '%s\n' "$line"
  berth "$@"
}

say 'Setting up: a Docker Engine on /var/run/docker.sock, busybox and the book'"'"'s stand-in images, the berth CLI'
bash scripts/engine.sh >/dev/null
npx turbo run build --filter=berth... --output-logs=errors-only >/dev/null
show version --format '{{.Client.Version}} (client) talking to Docker Engine {{.Server.Version}}'

# names of their own, so the demo never touches containers of yours called web or mailer
web=berth-demo-web mailer=berth-demo-mailer agent=berth-demo-agent
cleanup() { berth rm -vf "$web" "$mailer" "$agent" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup

say 'Start the web server (nginx in the book; a busybox httpd here) and the mailer, both detached'
show run --detach --name "$web" berth-fixtures/web
show run -d --name "$mailer" berth-fixtures/mailer

say 'Start the agent, linked to both: it checks the web server every second and tells the mailer when it fails'
show run -d --name "$agent" --link "$web:insideweb" --link "$mailer:insidemailer" berth-fixtures/agent

say 'Three containers running'
show ps --filter "name=berth-demo-"
sleep 2
show logs "$agent"

say 'Stop the web server, and wait for the agent to notice'
show stop "$web"
for _ in $(seq 30); do
  berth logs "$mailer" 2>&1 | grep -q 'The service is down!' && break
  sleep 1
done

say "The mailer's log holds the alert"
show logs "$mailer"

say 'Restart the web server: the agent reports the system up again'
show restart "$web"
for _ in $(seq 30); do
  berth logs --tail 1 "$agent" 2>&1 | grep -q 'System up.' && break
  sleep 1
done
show logs --tail 2 "$agent"
show ps --filter "name=berth-demo-"

say 'Clean up: remove the three containers and their volumes'
show rm -vf "$web" "$mailer" "$agent"
trap - EXIT
say 'Done. The same commands work with docker in place of berth.'
