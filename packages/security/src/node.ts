import { readFileSync } from 'node:fs';
import type { ReadFile } from './security-opt';

/** The `readFile` option backed by node:fs, for `seccomp=<file>` profiles. */
export const readFile: ReadFile = (path) => readFileSync(path, 'utf8');
