import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared';

export default defineConfig([
  { ...packageBuild, platform: 'node' },
  // the executable: ESM only, with its shebang kept
  { ...packageBuild, entry: ['src/bin.ts'], format: ['esm'], dts: false, clean: false, platform: 'node' },
]);
