import { CredentialsError } from './errors';

/** One `auths` entry: `auth` is base64 `user:password`; empty when a credential helper holds the secret. */
export interface AuthEntry {
  auth?: string;
  identitytoken?: string;
  [key: string]: unknown;
}

/** The parts of `$DOCKER_CONFIG/config.json` credentials use; every other key is kept as it was read. */
export interface ConfigFile {
  auths?: Record<string, AuthEntry>;
  /** The helper (`docker-credential-<name>`) that holds every registry's secret. */
  credsStore?: string;
  /** A helper per registry, before `credsStore`. */
  credHelpers?: Record<string, string>;
  [key: string]: unknown;
}

/** docker's config directory: `$DOCKER_CONFIG`, else `~/.docker`. */
export function configDirectory(env: Record<string, string | undefined>, home: string): string {
  const dir = env.DOCKER_CONFIG;
  return dir !== undefined && dir !== '' ? dir : `${home.replace(/\/$/, '')}/.docker`;
}

/** Reads config.json's text (blank text is an empty config, as docker takes an empty file). */
export function parseConfigFile(text: string, path: string): ConfigFile {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new CredentialsError('config-invalid', path, `invalid config file ${path}: not JSON`, { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CredentialsError('config-invalid', path, `invalid config file ${path}: not a JSON object`);
  }
  return value as ConfigFile;
}

/** config.json's text as docker writes it: tab-indented, `auths` first, no final newline. */
export function serializeConfigFile(config: ConfigFile): string {
  const { auths, ...rest } = config;
  return JSON.stringify({ auths: auths ?? {}, ...rest }, null, '\t');
}

/** The helper that holds a registry's secret: its `credHelpers` entry, else `credsStore`, else none (the file). */
export function helperFor(config: ConfigFile, key: string): string | undefined {
  const own = config.credHelpers?.[key];
  if (own !== undefined && own !== '') return own;
  return config.credsStore !== undefined && config.credsStore !== '' ? config.credsStore : undefined;
}
