import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared';

// shims: the CJS build needs `import.meta.url` to find dockerode's ssh dialer when an ssh:// engine is used
export default defineConfig({ ...packageBuild, platform: 'node', shims: true });
