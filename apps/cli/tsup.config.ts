import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared';

export default defineConfig([
  // the two builds run at the same time: the library's clean of dist must not remove the executable's output
  { ...packageBuild, platform: 'node', clean: ['!bin/**'] },
  // The executable: ESM only, its shebang kept, the berth packages bundled in (one file to load, not a dozen), and
  // each command split into its own chunk, loaded when that command runs.
  {
    ...packageBuild,
    entry: { bin: 'src/bin.ts' },
    outDir: 'dist/bin',
    format: ['esm'],
    dts: false,
    clean: true,
    platform: 'node',
    splitting: true,
    noExternal: [/^@berth\//],
  },
]);
