import { type FlagDefinition, FlagSet } from '@berth/run-args';

const value = (long: string, short?: string): FlagDefinition => ({ long, kind: 'value', ...(short ? { short } : {}) });
const bool = (long: string, short?: string): FlagDefinition => ({ long, kind: 'bool', ...(short ? { short } : {}) });

/** `docker service create`'s flags that mean what the same `docker run` flag means: read by @berth/run-args. */
export const RUN_FLAGS_OF_SERVICES: Readonly<Record<string, string>> = {
  env: 'env',
  'env-file': 'env-file',
  workdir: 'workdir',
  user: 'user',
  hostname: 'hostname',
  tty: 'tty',
  'read-only': 'read-only',
  init: 'init',
  'stop-signal': 'stop-signal',
  dns: 'dns',
  'dns-option': 'dns-option',
  'dns-search': 'dns-search',
  'health-cmd': 'health-cmd',
  'health-interval': 'health-interval',
  'health-retries': 'health-retries',
  'health-start-period': 'health-start-period',
  'health-timeout': 'health-timeout',
  'no-healthcheck': 'no-healthcheck',
  'cap-add': 'cap-add',
  'cap-drop': 'cap-drop',
  ulimit: 'ulimit',
  sysctl: 'sysctl',
  'log-driver': 'log-driver',
  'log-opt': 'log-opt',
  isolation: 'isolation',
  mount: 'mount',
  // the same meaning under another name
  group: 'group-add',
  host: 'add-host',
  'container-label': 'label',
  'limit-memory': 'memory',
  'limit-cpu': 'cpus',
  'limit-pids': 'pids-limit',
  'reserve-memory': 'memory-reservation',
};

const BOOL_RUN_FLAGS = new Set(['tty', 'read-only', 'init', 'no-healthcheck']);

/** The restart, update and rollback policies, the same for `service create` and `service update`. */
export const POLICY_FLAGS: readonly FlagDefinition[] = [
  value('restart-condition'),
  value('restart-delay'),
  value('restart-max-attempts'),
  value('restart-window'),
  ...['update', 'rollback'].flatMap((kind) => [
    value(`${kind}-parallelism`),
    value(`${kind}-delay`),
    value(`${kind}-failure-action`),
    value(`${kind}-monitor`),
    value(`${kind}-max-failure-ratio`),
    value(`${kind}-order`),
  ]),
];

/** `docker service create`'s grammar (interspersed arguments off: the command follows the image), and `--from-run`. */
export const SERVICE_CREATE_FLAGS = new FlagSet([
  ...Object.keys(RUN_FLAGS_OF_SERVICES).map((long) => {
    const short = { env: 'e', workdir: 'w', user: 'u', tty: 't' }[long];
    return BOOL_RUN_FLAGS.has(long) ? bool(long, short) : value(long, short);
  }),
  ...POLICY_FLAGS,
  value('name'),
  value('label', 'l'),
  value('replicas'),
  value('replicas-max-per-node'),
  value('mode'),
  value('publish', 'p'),
  value('network'),
  value('constraint'),
  value('endpoint-mode'),
  value('entrypoint'),
  value('stop-grace-period'),
  value('reserve-cpu'),
  bool('detach', 'd'),
  bool('quiet', 'q'),
  bool('no-resolve-image'),
  value('from-run'),
  bool('help'),
]);

/** `docker service update`'s flags that berth carries. */
export const SERVICE_UPDATE_FLAGS = new FlagSet([
  ...POLICY_FLAGS,
  value('image'),
  value('replicas'),
  value('env-add'),
  value('env-rm'),
  value('label-add'),
  value('label-rm'),
  value('limit-cpu'),
  value('limit-memory'),
  bool('force'),
  bool('detach', 'd'),
  bool('quiet', 'q'),
  bool('no-resolve-image'),
  bool('help'),
]);
