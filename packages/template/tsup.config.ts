import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared';

// Zero runtime dependencies: @berth/types (BerthError) is bundled into the JS and inlined into the .d.ts.
export default defineConfig({
  ...packageBuild,
  noExternal: ['@berth/types'],
  dts: { resolve: ['@berth/types'] },
});
