import { CredentialsError } from './errors';

/** A user's credentials for one registry, as docker's `AuthConfig` holds them. */
export interface Credentials {
  /** The key they are stored under: `localhost:5000`, or `https://index.docker.io/v1/` for Docker Hub. */
  serverAddress: string;
  username: string;
  password: string;
  /** An OAuth refresh token the registry gave at login, kept instead of the password when present. */
  identityToken?: string;
}

/** config.json's `auth`: base64 of `user:password`. */
export function encodeAuth(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

/** The user and password of an `auth` value; the error names the server, not the value (it holds a secret). */
export function decodeAuth(auth: string, serverAddress: string): { username: string; password: string } {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(auth) || auth.length % 4 !== 0) {
    throw new CredentialsError('auth-invalid', serverAddress, `invalid auth for ${serverAddress}: not base64`);
  }
  const text = Buffer.from(auth, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) {
    throw new CredentialsError('auth-invalid', serverAddress, `invalid auth for ${serverAddress}: no user:password`);
  }
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** The engine's `X-Registry-Auth` body for a pull or push (the engine base64url-encodes it). */
export function registryAuth(credentials: Credentials): {
  username: string;
  password: string;
  serveraddress: string;
  identitytoken?: string;
} {
  return {
    username: credentials.username,
    password: credentials.password,
    serveraddress: credentials.serverAddress,
    ...(credentials.identityToken ? { identitytoken: credentials.identityToken } : {}),
  };
}
