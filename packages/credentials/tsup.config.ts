import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared';

// Node only (config.json and helper processes); @berth/types (BerthError) is bundled in, as in the other packages.
export default defineConfig({
  ...packageBuild,
  platform: 'node',
  noExternal: ['@berth/types'],
  dts: { resolve: ['@berth/types'] },
});
