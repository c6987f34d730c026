import { homedir } from 'node:os';
import { CredentialStore, type Credentials, configDirectory, registryAuth } from '@berth/credentials';
import type { RegistryAuth } from '@berth/engine';
import type { CommandContext } from './context';

/** The credential store of docker's config directory: `--config`, else `$DOCKER_CONFIG`, else `~/.docker`. */
export function openCredentialStore(context: CommandContext): Promise<CredentialStore> {
  const directory = context.globals.configDir ?? configDirectory(context.env, context.env.HOME ?? homedir());
  return CredentialStore.open({ directory });
}

/** The `X-Registry-Auth` body for a registry (a reference's domain); empty when no credentials are stored. */
export async function registryAuthFor(context: CommandContext, domain: string): Promise<RegistryAuth> {
  const credentials: Credentials | undefined = await (await openCredentialStore(context)).get(domain);
  return credentials ? registryAuth(credentials) : {};
}
