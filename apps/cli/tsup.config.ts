import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared';

export default defineConfig([
  // the two builds run at the same time: the library's clean of dist must not remove the executable's output
  { ...packageBuild, platform: 'node', clean: ['!bin.js*'] },
  // the executable: ESM only, with its shebang kept
  { ...packageBuild, entry: ['src/bin.ts'], format: ['esm'], dts: false, clean: false, platform: 'node' },
]);
