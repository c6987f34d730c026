import type { FlagSet } from '@berth/run-args';
import { SERVICE_CREATE_FLAGS, SERVICE_UPDATE_FLAGS } from '@berth/service-spec';
import type { CliFlag } from '../command';

// What `berth service create|update --help` says of each flag @berth/service-spec reads, in docker's words.
const HELP: Readonly<Record<string, readonly [type: string, description: string, defaultValue?: string]>> = {
  'cap-add': ['list', 'Add Linux capabilities'],
  'cap-drop': ['list', 'Drop Linux capabilities'],
  constraint: ['list', 'Placement constraints'],
  'container-label': ['list', 'Container labels'],
  detach: ['', 'Exit immediately instead of waiting for the service to converge'],
  dns: ['list', 'Set custom DNS servers'],
  'dns-option': ['list', 'Set DNS options'],
  'dns-search': ['list', 'Set custom DNS search domains'],
  'endpoint-mode': ['string', 'Endpoint mode (vip or dnsrr)', '"vip"'],
  entrypoint: ['command', 'Overwrite the default ENTRYPOINT of the image'],
  env: ['list', 'Set environment variables'],
  'env-add': ['list', 'Add or update an environment variable'],
  'env-file': ['list', 'Read in a file of environment variables'],
  'env-rm': ['list', 'Remove an environment variable'],
  force: ['', 'Force update even if no changes require it'],
  'from-run': ['string', "A whole 'docker run' command line for the service's containers (berth)"],
  group: ['list', 'Set one or more supplementary user groups for the container'],
  'health-cmd': ['string', 'Command to run to check health'],
  'health-interval': ['duration', 'Time between running the check (ms|s|m|h)'],
  'health-retries': ['int', 'Consecutive failures needed to report unhealthy'],
  'health-start-period': [
    'duration',
    'Start period for the container to initialize before counting retries towards unstable (ms|s|m|h)',
  ],
  'health-timeout': ['duration', 'Maximum time to allow one check to run (ms|s|m|h)'],
  host: ['list', 'Set one or more custom host-to-IP mappings (host:ip)'],
  hostname: ['string', 'Container hostname'],
  image: ['string', 'Service image tag'],
  init: ['', 'Use an init inside each service container to forward signals and reap processes'],
  isolation: ['string', 'Service container isolation mode'],
  label: ['list', 'Service labels'],
  'label-add': ['list', 'Add or update a service label'],
  'label-rm': ['list', 'Remove a label by its key'],
  'limit-cpu': ['decimal', 'Limit CPUs'],
  'limit-memory': ['bytes', 'Limit Memory'],
  'limit-pids': ['int', 'Limit maximum number of processes (default 0 = unlimited)'],
  'log-driver': ['string', 'Logging driver for service'],
  'log-opt': ['list', 'Logging driver options'],
  mode: ['string', 'Service mode ("replicated", "global")', '"replicated"'],
  mount: ['mount', 'Attach a filesystem mount to the service'],
  name: ['string', 'Service name'],
  network: ['network', 'Network attachments'],
  'no-healthcheck': ['', 'Disable any container-specified HEALTHCHECK'],
  'no-resolve-image': ['', 'Do not query the registry to resolve image digest and supported platforms'],
  publish: ['port', 'Publish a port as a node port'],
  quiet: ['', 'Suppress progress output'],
  'read-only': ['', "Mount the container's root filesystem as read only"],
  replicas: ['uint', 'Number of tasks'],
  'replicas-max-per-node': ['uint', 'Maximum number of tasks per node (default 0 = unlimited)'],
  'reserve-cpu': ['decimal', 'Reserve CPUs'],
  'reserve-memory': ['bytes', 'Reserve Memory'],
  'restart-condition': ['string', 'Restart when condition is met ("none", "on-failure", "any")', '"any"'],
  'restart-delay': ['duration', 'Delay between restart attempts (ns|us|ms|s|m|h)', '5s'],
  'restart-max-attempts': ['uint', 'Maximum number of restarts before giving up'],
  'restart-window': ['duration', 'Window used to evaluate the restart policy (ns|us|ms|s|m|h)'],
  'rollback-delay': ['duration', 'Delay between task rollbacks (ns|us|ms|s|m|h)', '0s'],
  'rollback-failure-action': ['string', 'Action on rollback failure ("pause", "continue")', '"pause"'],
  'rollback-max-failure-ratio': ['float', 'Failure rate to tolerate during a rollback', '0'],
  'rollback-monitor': ['duration', 'Duration after each task rollback to monitor for failure (ns|us|ms|s|m|h)', '5s'],
  'rollback-order': ['string', 'Rollback order ("start-first", "stop-first")', '"stop-first"'],
  'rollback-parallelism': [
    'uint',
    'Maximum number of tasks rolled back simultaneously (0 to roll back all at once)',
    '1',
  ],
  'stop-grace-period': ['duration', 'Time to wait before force killing a container (ns|us|ms|s|m|h)', '10s'],
  'stop-signal': ['string', 'Signal to stop the container'],
  sysctl: ['list', 'Sysctl options'],
  tty: ['', 'Allocate a pseudo-TTY'],
  ulimit: ['ulimit', 'Ulimit options', '[]'],
  'update-delay': ['duration', 'Delay between updates (ns|us|ms|s|m|h)', '0s'],
  'update-failure-action': ['string', 'Action on update failure ("pause", "continue", "rollback")', '"pause"'],
  'update-max-failure-ratio': ['float', 'Failure rate to tolerate during an update', '0'],
  'update-monitor': ['duration', 'Duration after each task update to monitor for failure (ns|us|ms|s|m|h)', '5s'],
  'update-order': ['string', 'Update order ("start-first", "stop-first")', '"stop-first"'],
  'update-parallelism': ['uint', 'Maximum number of tasks updated simultaneously (0 to update all at once)', '1'],
  user: ['string', 'Username or UID (format: <name|uid>[:<group|gid>])'],
  workdir: ['string', 'Working directory inside the container'],
};

/** A @berth/service-spec grammar as the CLI's flags, with docker's help texts, sorted as docker lists them. */
function cliFlags(grammar: FlagSet): CliFlag[] {
  return grammar
    .visible()
    .filter((flag) => flag.long !== 'help')
    .map((flag): CliFlag => {
      const [type, description, defaultValue] = HELP[flag.long] ?? ['', ''];
      return {
        ...flag,
        description,
        ...(type ? { type } : {}),
        ...(defaultValue === undefined ? {} : { default: defaultValue }),
      };
    })
    .sort((a, b) => a.long.localeCompare(b.long));
}

export const SERVICE_CREATE_CLI_FLAGS = cliFlags(SERVICE_CREATE_FLAGS);
export const SERVICE_UPDATE_CLI_FLAGS = cliFlags(SERVICE_UPDATE_FLAGS);
