import { credentialKey, DOCKER_HUB_KEY } from '@berth/credentials';
import type { CliFlag, CommandModule } from '../command';
import { openCredentialStore } from '../credential-store';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { CliError } from '../errors';
import { readPassword, readPrompt } from '../output/password-prompt';

const PASSWORD: CliFlag = {
  long: 'password',
  short: 'p',
  kind: 'value',
  type: 'string',
  description: 'Password or Personal Access Token (PAT)',
};
const PASSWORD_STDIN: CliFlag = {
  long: 'password-stdin',
  kind: 'bool',
  description: 'Take the Password or Personal Access Token (PAT) from stdin',
};
const USERNAME: CliFlag = { long: 'username', short: 'u', kind: 'value', type: 'string', description: 'Username' };

const STORE_WARNING = (path: string) =>
  `\nWARNING! Your credentials are stored unencrypted in '${path}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`;

/** What `POST /auth` answers: a registry may hand out an identity token to keep instead of the password. */
interface AuthResponse {
  Status?: string;
  IdentityToken?: string;
}

/** Everything stdin holds, less the line ending docker trims (`--password-stdin`). */
async function readAll(context: Parameters<CommandModule['run']>[0]): Promise<string> {
  let text = '';
  for await (const chunk of context.io.stdin ?? []) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

/**
 * `berth login`: the registry checks the user and password (through the engine's `POST /auth`), then they are kept
 * as docker keeps them (a credential helper, else base64 in config.json). The password is never printed.
 */
export const command: CommandModule = {
  usage: '[OPTIONS] [SERVER]',
  flags: [PASSWORD, PASSWORD_STDIN, USERNAME, DRY_RUN_FLAG],
  args: { kind: 'max', count: 1 },
  async run(context) {
    const { io } = context;
    const server = context.args[0] ?? DOCKER_HUB_KEY;
    let username = context.string(USERNAME)?.trim() ?? '';
    let password = context.string(PASSWORD) ?? '';
    if (context.given(PASSWORD)) {
      io.stderr.write('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
    }
    if (context.bool(PASSWORD_STDIN)) {
      if (context.given(PASSWORD)) {
        throw new CliError('password-twice', 'password', '--password and --password-stdin are mutually exclusive');
      }
      if (username === '') {
        throw new CliError(
          'password-stdin-user',
          'username',
          'the --password-stdin option requires --username to be set',
        );
      }
      password = await readAll(context);
    }
    if (username === '' || password === '') {
      if (io.stdin?.isTTY !== true) {
        throw new CliError(
          'not-a-terminal',
          server,
          'Error: Cannot perform an interactive login from a non TTY device',
        );
      }
      if (username === '') username = (await readPrompt(io, 'Username: ')).trim();
      if (username === '') throw new CliError('username-empty', server, 'Error: Non-null Username Required');
      if (password === '') password = await readPassword(io, 'Password: ');
      if (password === '') throw new CliError('password-empty', server, 'Error: Password Required');
    }
    const answer = await context.engine().request<AuthResponse>({
      method: 'POST',
      path: '/auth',
      // a dry run prints this request: never the password
      body: { username, password: context.dryRun ? '<hidden>' : password, serveraddress: server },
      subject: server,
    });
    if (context.dryRun) return 0;
    const store = await openCredentialStore(context);
    const key = credentialKey(server);
    const token = answer.IdentityToken;
    try {
      await store.store(
        token
          ? { serverAddress: key, username, password: '', identityToken: token }
          : { serverAddress: key, username, password },
      );
    } catch (error) {
      throw new CliError('credentials-not-saved', key, `Error saving credentials: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (store.helperName(key) === undefined) io.stderr.write(STORE_WARNING(store.path));
    io.stdout.write(`${answer.Status || 'Login Succeeded'}\n`);
    return 0;
  },
};
