import { spawn } from 'node:child_process';
import type { Credentials } from './auth';
import { CredentialsError } from './errors';

/** The actions of the `docker-credential-*` protocol. */
export type HelperAction = 'get' | 'store' | 'erase' | 'list';

/** Runs `docker-credential-<helper> <action>` with `input` on its stdin; resolves with what it printed and its status. */
export type HelperRunner = (
  helper: string,
  action: HelperAction,
  input: string,
) => Promise<{ status: number; stdout: string }>;

/** What helpers print when they hold nothing for a server (docker-credential-helpers' `ErrCredentialsNotFound`). */
export const NOT_FOUND_REPLY = 'credentials not found in native keychain';

// a username of `<token>` marks the secret as an identity token, by the protocol's convention
const TOKEN_USERNAME = '<token>';

/** The real helper: the executable `docker-credential-<helper>` on PATH. */
export const spawnHelper: HelperRunner = (helper, action, input) =>
  new Promise((resolve, reject) => {
    const child = spawn(`docker-credential-${helper}`, [action], { stdio: ['pipe', 'pipe', 'inherit'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? 1, stdout: Buffer.concat(out).toString('utf8') }));
    child.stdin.on('error', () => undefined); // a helper may exit before reading; its status says what happened
    child.stdin.end(input);
  });

/** The three requests that change or read one server's entry, with the protocol's stdin and reply. */
export class CredentialHelper {
  readonly name: string;
  readonly #run: HelperRunner;

  constructor(name: string, run: HelperRunner = spawnHelper) {
    this.name = name;
    this.#run = run;
  }

  /** The server's credentials, or undefined when the helper holds none. */
  async get(serverAddress: string): Promise<Credentials | undefined> {
    const { status, stdout } = await this.#call('get', serverAddress, 'getting');
    if (status !== 0) {
      if (stdout.trim() === NOT_FOUND_REPLY) return undefined;
      throw this.#failure('getting', serverAddress, `exit status ${status}`, stdout);
    }
    let reply: { Username?: unknown; Secret?: unknown };
    try {
      reply = JSON.parse(stdout);
    } catch (cause) {
      throw new CredentialsError(
        'helper-reply-invalid',
        this.name,
        `error getting credentials - docker-credential-${this.name} did not reply with JSON`,
        { cause },
      );
    }
    const username = typeof reply.Username === 'string' ? reply.Username : '';
    const secret = typeof reply.Secret === 'string' ? reply.Secret : '';
    if (username === TOKEN_USERNAME) return { serverAddress, username: '', password: '', identityToken: secret };
    return { serverAddress, username, password: secret };
  }

  async store(credentials: Credentials): Promise<void> {
    const token = credentials.identityToken;
    const body = JSON.stringify({
      ServerURL: credentials.serverAddress,
      Username: token ? TOKEN_USERNAME : credentials.username,
      Secret: token ?? credentials.password,
    });
    const { status, stdout } = await this.#call('store', body, 'storing');
    if (status !== 0) throw this.#failure('storing', credentials.serverAddress, `exit status ${status}`, stdout);
  }

  async erase(serverAddress: string): Promise<void> {
    const { status, stdout } = await this.#call('erase', serverAddress, 'erasing');
    if (status !== 0 && stdout.trim() !== NOT_FOUND_REPLY) {
      throw this.#failure('erasing', serverAddress, `exit status ${status}`, stdout);
    }
  }

  async #call(action: HelperAction, input: string, verb: string): Promise<{ status: number; stdout: string }> {
    try {
      return await this.#run(this.name, action, input);
    } catch (cause) {
      const why =
        (cause as NodeJS.ErrnoException).code === 'ENOENT'
          ? `exec: "docker-credential-${this.name}": executable file not found in $PATH`
          : String((cause as Error).message ?? cause);
      throw new CredentialsError('helper-failed', this.name, `error ${verb} credentials - err: ${why}, out: \`\``, {
        cause,
      });
    }
  }

  // docker's words for a failed helper; the helper's stdout is its message, never the secret we sent on stdin
  #failure(verb: string, serverAddress: string, why: string, stdout: string): CredentialsError {
    return new CredentialsError(
      'helper-failed',
      serverAddress,
      `error ${verb} credentials - err: ${why}, out: \`${stdout.trim()}\``,
    );
  }
}
