import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared';

// `./node` holds the one node:fs helper, so the main entry stays free of I/O.
export default defineConfig({ ...packageBuild, entry: ['src/index.ts', 'src/node.ts'] });
