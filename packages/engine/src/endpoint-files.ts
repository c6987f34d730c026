import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { EndpointFiles } from './endpoint';
import { EndpointError } from './errors';

/** The real files: `~/.docker/config.json`, context metadata and TLS material. */
export const nodeEndpointFiles: EndpointFiles = {
  get homeDir() {
    return homedir();
  },
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw new EndpointError('unreadable-file', path, `cannot read ${path}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  },
};
