/** The key Docker Hub's credentials are stored under, whatever name the reference used. */
export const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';

const HUB_DOMAINS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', DOCKER_HUB_KEY]);

/**
 * The key a registry's credentials live under in config.json, from a reference's domain or `login`'s argument:
 * Docker Hub's names become {@link DOCKER_HUB_KEY}, anything else its host name (`http://localhost:5000/` →
 * `localhost:5000`).
 */
export function credentialKey(server: string): string {
  if (server === '' || HUB_DOMAINS.has(server)) return DOCKER_HUB_KEY;
  const host = hostnameOf(server);
  return HUB_DOMAINS.has(host) ? DOCKER_HUB_KEY : host;
}

/** The host (and port) of an address that may carry a scheme and a path, as docker compares stored keys. */
export function hostnameOf(address: string): string {
  const bare = address.replace(/^https?:\/\//, '');
  const slash = bare.indexOf('/');
  return slash < 0 ? bare : bare.slice(0, slash);
}
