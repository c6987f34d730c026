// `docker service create` lines and their `docker run` equivalents, the conformance tables of this package: each
// service line is sent by the docker CLI through a recorder and compared with what berth builds from it; each run
// line, given to `--from-run`, must build what its service line builds.

/** Service create lines (after `service create`, before the image) that docker and berth must send alike. */
export const SERVICE_LINES: readonly (readonly string[])[] = [
  ['busybox:1.29', 'sleep', '1000'],
  ['--replicas', '2', '-p', '18080:80', '-e', 'A=1', '--label', 'x=y', 'busybox:1.29', 'sleep', '1000'],
  ['--mode', 'global', 'busybox:1.29', 'sleep', '1000'],
  ['--update-parallelism', '2', '--update-delay', '1s', 'busybox:1.29', 'sleep', '1000'],
  ['--update-order', 'start-first', '--update-failure-action', 'rollback', 'busybox:1.29', 'sleep', '1000'],
  ['--restart-condition', 'on-failure', '--restart-max-attempts', '3', 'busybox:1.29', 'sleep', '1000'],
  ['--restart-delay', '2s', '--restart-window', '1m', 'busybox:1.29', 'sleep', '1000'],
  ['--limit-memory', '64m', '--limit-cpu', '0.5', '--limit-pids', '50', 'busybox:1.29', 'sleep', '1000'],
  ['--reserve-memory', '32m', '--reserve-cpu', '0.25', 'busybox:1.29', 'sleep', '1000'],
  ['--constraint', 'node.role==manager', '--replicas-max-per-node', '2', 'busybox:1.29', 'sleep', '1000'],
  ['--mount', 'type=tmpfs,target=/t', 'busybox:1.29', 'sleep', '1000'],
  ['--mount', 'type=volume,source=data,target=/data', 'busybox:1.29', 'sleep', '1000'],
  ['--entrypoint', 'sh -c', 'busybox:1.29', 'sleep 1000'],
  ['-w', '/tmp', '-u', '1000:1000', '--hostname', 'h1', '--group', '10', 'busybox:1.29', 'sleep', '1000'],
  ['--host', 'a.example:127.0.0.2', '--dns', '127.0.0.3', '--dns-search', 'x.test', 'busybox:1.29', 'sleep', '1'],
  ['--dns-option', 'ndots:2', 'busybox:1.29', 'sleep', '1000'],
  ['--stop-grace-period', '3s', '--stop-signal', 'SIGINT', 'busybox:1.29', 'sleep', '1000'],
  ['--health-cmd', 'true', '--health-interval', '5s', '--health-retries', '2', 'busybox:1.29', 'sleep', '1000'],
  ['--no-healthcheck', 'busybox:1.29', 'sleep', '1000'],
  ['--cap-add', 'NET_ADMIN', '--cap-drop', 'CHOWN', 'busybox:1.29', 'sleep', '1000'],
  ['--ulimit', 'nofile=100:200', '--sysctl', 'net.core.somaxconn=100', 'busybox:1.29', 'sleep', '1000'],
  ['--read-only', '-t', '--init', '--container-label', 'c=d', 'busybox:1.29', 'sleep', '1000'],
  ['--publish', 'published=18081,target=81,mode=host,protocol=udp', 'busybox:1.29', 'sleep', '1000'],
  ['-p', '18082:82/udp', '-p', '83', 'busybox:1.29', 'sleep', '1000'],
  ['--log-driver', 'json-file', '--log-opt', 'max-size=1m', 'busybox:1.29', 'sleep', '1000'],
  ['--endpoint-mode', 'dnsrr', 'busybox:1.29', 'sleep', '1000'],
  ['--env-file', '/dev/null', '-e', 'B=2', 'busybox:1.29', 'sleep', '1000'],
];

/** A `docker run` line and the `service create` options that mean the same: `--from-run` must build the same spec. */
export const RUN_LINE_PAIRS: readonly (readonly [run: string, service: readonly string[]])[] = [
  ['docker run -d busybox:1.29 sleep 1000', ['busybox:1.29', 'sleep', '1000']],
  [
    'docker run -d -p 18080:80 -e A=1 busybox:1.29 sleep 1000',
    ['-p', '18080:80', '-e', 'A=1', 'busybox:1.29', 'sleep', '1000'],
  ],
  [
    'run -w /tmp -u 1000 -h h1 --group-add 10 busybox:1.29',
    ['-w', '/tmp', '-u', '1000', '--hostname', 'h1', '--group', '10', 'busybox:1.29'],
  ],
  [
    'run --memory 64m --cpus 0.5 --pids-limit 50 busybox:1.29',
    ['--limit-memory', '64m', '--limit-cpu', '0.5', '--limit-pids', '50', 'busybox:1.29'],
  ],
  ['run --memory-reservation 32m busybox:1.29', ['--reserve-memory', '32m', 'busybox:1.29']],
  [
    'run --add-host a.example:127.0.0.2 --dns 127.0.0.3 busybox:1.29',
    ['--host', 'a.example:127.0.0.2', '--dns', '127.0.0.3', 'busybox:1.29'],
  ],
  [
    'run --cap-add NET_ADMIN --cap-drop CHOWN busybox:1.29',
    ['--cap-add', 'NET_ADMIN', '--cap-drop', 'CHOWN', 'busybox:1.29'],
  ],
  [
    'run --read-only -t --init -l c=d busybox:1.29',
    ['--read-only', '-t', '--init', '--container-label', 'c=d', 'busybox:1.29'],
  ],
  ['run --mount type=tmpfs,target=/t busybox:1.29', ['--mount', 'type=tmpfs,target=/t', 'busybox:1.29']],
  ['run --tmpfs /t busybox:1.29', ['--mount', 'type=tmpfs,target=/t', 'busybox:1.29']],
  ['run -v data:/data busybox:1.29', ['--mount', 'type=volume,source=data,target=/data', 'busybox:1.29']],
  [
    'run --stop-signal SIGINT --stop-timeout 3 busybox:1.29',
    ['--stop-signal', 'SIGINT', '--stop-grace-period', '3s', 'busybox:1.29'],
  ],
  [
    'run --health-cmd true --health-interval 5s busybox:1.29',
    ['--health-cmd', 'true', '--health-interval', '5s', 'busybox:1.29'],
  ],
  [
    'run --log-driver json-file --log-opt max-size=1m busybox:1.29',
    ['--log-driver', 'json-file', '--log-opt', 'max-size=1m', 'busybox:1.29'],
  ],
  [
    'run --ulimit nofile=100:200 --sysctl net.core.somaxconn=100 busybox:1.29',
    ['--ulimit', 'nofile=100:200', '--sysctl', 'net.core.somaxconn=100', 'busybox:1.29'],
  ],
];

/** Run flags a service cannot carry: refused before any engine call, with the service flag to use where one exists. */
export const REFUSED_RUN_LINES: readonly (readonly [run: string, input: string, equivalent: string | undefined])[] = [
  ['run --link db:db busybox:1.29', '--link', '--network with a swarm network: services find each other by name'],
  ['run --volumes-from data busybox:1.29', '--volumes-from', '--mount type=volume,source=NAME,target=PATH'],
  ['run --ipc container:other busybox:1.29', '--ipc', undefined],
  ['run --pid host busybox:1.29', '--pid', undefined],
  ['run --device /dev/null busybox:1.29', '--device', undefined],
  ['run --rm busybox:1.29', '--rm', 'docker service rm (a service keeps its tasks until removed)'],
  [
    'run --restart always busybox:1.29',
    '--restart',
    '--restart-condition none|on-failure|any (with --restart-max-attempts)',
  ],
  ['run -P --expose 80 busybox:1.29', '--publish-all', '--publish published=PORT,target=PORT'],
  ['run --expose 80 busybox:1.29', '--expose 80/tcp', '--publish target=PORT'],
  ['run --privileged busybox:1.29', '--privileged', '--cap-add'],
  ['run --cpu-shares 512 busybox:1.29', '--cpu-shares', '--reserve-cpu'],
  ['run --shm-size 64m busybox:1.29', '--shm-size', '--mount type=tmpfs,target=/dev/shm'],
  ['run --network none busybox:1.29', '--network none', undefined],
  ['run --network container:x busybox:1.29', '--network container:x', undefined],
  ['run --cidfile /tmp/x busybox:1.29', '--cidfile', undefined],
  ['run --security-opt no-new-privileges busybox:1.29', '--security-opt', undefined],
  ['run --memory-swap 1g --memory 512m busybox:1.29', '--memory-swap', '--limit-memory'],
  ['run --domainname example.test busybox:1.29', '--domainname', undefined],
  [
    'run -p 127.0.0.1:8080:80 busybox:1.29',
    '--publish 127.0.0.1:8080:80',
    '--publish published=8080,target=80,mode=host (a service listens on every address of its node)',
  ],
];
