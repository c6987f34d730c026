import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { type Credentials, decodeAuth, encodeAuth } from './auth';
import { type ConfigFile, helperFor, parseConfigFile, serializeConfigFile } from './config-file';
import { CredentialHelper, type HelperRunner, spawnHelper } from './helper';
import { credentialKey, hostnameOf } from './server';

/** Where the store reads and writes config.json; the real file system when absent. */
export interface ConfigFiles {
  /** The file's text, or undefined when there is none. */
  read(path: string): Promise<string | undefined>;
  /** Replaces the file whole, readable by its owner only (0600), as docker keeps it. */
  write(path: string, text: string): Promise<void>;
}

export const nodeConfigFiles: ConfigFiles = {
  async read(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  async write(path, text) {
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // a reader never sees half a file: write beside it, then rename over it
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, path);
  },
};

export interface StoreOptions {
  /** The config directory (`configDirectory(env, home)`). */
  directory: string;
  files?: ConfigFiles;
  runHelper?: HelperRunner;
}

/**
 * docker's credential store over one config.json: a registry's secret lives with its `credHelpers` helper, else the
 * `credsStore` helper, else base64 in `auths`.
 */
export class CredentialStore {
  readonly path: string;
  config: ConfigFile;
  readonly #files: ConfigFiles;
  readonly #runHelper: HelperRunner;

  private constructor(path: string, config: ConfigFile, files: ConfigFiles, runHelper: HelperRunner) {
    this.path = path;
    this.config = config;
    this.#files = files;
    this.#runHelper = runHelper;
  }

  static async open(options: StoreOptions): Promise<CredentialStore> {
    const files = options.files ?? nodeConfigFiles;
    const path = `${options.directory.replace(/\/$/, '')}/config.json`;
    const text = await files.read(path);
    return new CredentialStore(
      path,
      text === undefined ? {} : parseConfigFile(text, path),
      files,
      options.runHelper ?? spawnHelper,
    );
  }

  /** The helper a server's secret goes to, or undefined for the file. */
  helperName(server: string): string | undefined {
    return helperFor(this.config, credentialKey(server));
  }

  /** The server's credentials (by a reference's domain or a login address), or undefined when none are stored. */
  async get(server: string): Promise<Credentials | undefined> {
    const key = credentialKey(server);
    const helper = helperFor(this.config, key);
    if (helper !== undefined) return new CredentialHelper(helper, this.#runHelper).get(key);
    const [stored, entry] = this.#entry(key) ?? [];
    if (stored === undefined || entry === undefined) return undefined;
    const { username, password } = entry.auth ? decodeAuth(entry.auth, stored) : { username: '', password: '' };
    if (!entry.auth && !entry.identitytoken) return undefined;
    return {
      serverAddress: key,
      username,
      password,
      ...(entry.identitytoken ? { identityToken: entry.identitytoken } : {}),
    };
  }

  /** Keeps the credentials (with their helper, or in the file) and writes config.json. */
  async store(credentials: Credentials): Promise<void> {
    const key = credentialKey(credentials.serverAddress);
    const helper = helperFor(this.config, key);
    const auths = { ...this.config.auths };
    if (helper !== undefined) {
      await new CredentialHelper(helper, this.#runHelper).store({ ...credentials, serverAddress: key });
      auths[key] = {}; // the file still lists the server; the secret is the helper's
    } else {
      auths[key] = credentials.identityToken
        ? { auth: encodeAuth(credentials.username, ''), identitytoken: credentials.identityToken }
        : { auth: encodeAuth(credentials.username, credentials.password) };
    }
    this.config = { ...this.config, auths };
    await this.#files.write(this.path, serializeConfigFile(this.config));
  }

  /** Forgets the server's credentials (helper and file); nothing happens when there were none. */
  async erase(server: string): Promise<void> {
    const key = credentialKey(server);
    const helper = helperFor(this.config, key);
    if (helper !== undefined) await new CredentialHelper(helper, this.#runHelper).erase(key);
    const auths = { ...this.config.auths };
    for (const stored of Object.keys(auths)) {
      if (stored === key || credentialKey(stored) === key) delete auths[stored];
    }
    this.config = { ...this.config, auths };
    await this.#files.write(this.path, serializeConfigFile(this.config));
  }

  // the exact key first, then any key naming the same host (`https://localhost:5000/v2/`), as docker looks them up
  #entry(key: string): [string, NonNullable<ConfigFile['auths']>[string]] | undefined {
    const auths = this.config.auths ?? {};
    const exact = auths[key];
    if (exact !== undefined) return [key, exact];
    for (const [stored, entry] of Object.entries(auths)) {
      if (credentialKey(hostnameOf(stored)) === key) return [stored, entry];
    }
    return undefined;
  }
}
