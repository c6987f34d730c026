import { FlagSet, type ParsedArgv } from '@berth/run-args';
import type { CliFlag } from './command';
import { UsageError } from './errors';
import { boolValue, listValue, stringValue } from './flag-values';

// docker's global options, read before the command's name (`berth -H tcp://… ps`).
export const GLOBAL_FLAGS = {
  config: { long: 'config', kind: 'value', type: 'string', description: 'Location of client config files' },
  context: {
    long: 'context',
    short: 'c',
    kind: 'value',
    type: 'string',
    description:
      'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
  },
  debug: { long: 'debug', short: 'D', kind: 'bool', description: 'Enable debug mode' },
  host: { long: 'host', short: 'H', kind: 'value', type: 'list', description: 'Daemon socket to connect to' },
  logLevel: {
    long: 'log-level',
    short: 'l',
    kind: 'value',
    type: 'string',
    default: '"info"',
    description: 'Set the logging level ("debug", "info", "warn", "error", "fatal")',
  },
  tls: { long: 'tls', kind: 'bool', description: 'Use TLS; implied by --tlsverify' },
  tlsverify: { long: 'tlsverify', kind: 'bool', description: 'Use TLS and verify the remote' },
  version: { long: 'version', short: 'v', kind: 'bool', description: 'Print version information and quit' },
  help: { long: 'help', kind: 'bool', description: 'Print usage', hidden: true },
} as const satisfies Record<string, CliFlag>;

export const GLOBAL_FLAG_SET = new FlagSet(Object.values(GLOBAL_FLAGS));

const LOG_LEVELS = new Set(['debug', 'info', 'warn', 'error', 'fatal']);

/** The global options as the commands use them. */
export interface GlobalOptions {
  host?: string;
  context?: string;
  /** `--config`, else `DOCKER_CONFIG`: where config.json and contexts are. */
  configDir?: string;
  debug: boolean;
  logLevel: string;
  /** `--tls` and `--tlsverify` as the environment variables docker reads (certificates from `DOCKER_CERT_PATH`). */
  tlsEnv: Record<string, string>;
  version: boolean;
  help: boolean;
}

export function readGlobalOptions(parsed: ParsedArgv): GlobalOptions {
  const hosts = listValue(parsed, GLOBAL_FLAGS.host);
  if (hosts.length > 1) throw new UsageError('one-host', hosts.join(','), 'Specify only one -H', 125);
  const logLevel = stringValue(parsed, GLOBAL_FLAGS.logLevel) ?? 'info';
  if (!LOG_LEVELS.has(logLevel)) {
    throw new UsageError('invalid-log-level', logLevel, `Unable to parse logging level: ${logLevel}`, 1);
  }
  const tlsEnv: Record<string, string> = {};
  if (boolValue(parsed, GLOBAL_FLAGS.tlsverify)) tlsEnv.DOCKER_TLS_VERIFY = '1';
  else if (boolValue(parsed, GLOBAL_FLAGS.tls)) tlsEnv.DOCKER_TLS = '1';
  const options: GlobalOptions = {
    debug: boolValue(parsed, GLOBAL_FLAGS.debug),
    logLevel,
    tlsEnv,
    version: boolValue(parsed, GLOBAL_FLAGS.version),
    help: boolValue(parsed, GLOBAL_FLAGS.help),
  };
  const host = hosts[0];
  if (host !== undefined) options.host = host;
  const context = stringValue(parsed, GLOBAL_FLAGS.context);
  if (context !== undefined) options.context = context;
  const configDir = stringValue(parsed, GLOBAL_FLAGS.config);
  if (configDir !== undefined) options.configDir = configDir;
  return options;
}
