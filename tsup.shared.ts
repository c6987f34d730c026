import type { Options } from 'tsup';

// One build recipe for every published package: ESM first, CJS beside it, types for both.
export const packageBuild: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'neutral',
};
