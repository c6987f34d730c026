import { defineConfig, type ViteUserConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// The tests of client, images and streams run twice: over berth's own connection and over a dockerode client's
// (createEngine({ dockerode })), the transport tool authors who already hold a dockerode client use. Each project
// takes the shared timeouts; the reporters stay the run's.
const base = shared as ViteUserConfig;
const { include = [], reporters, outputFile, ...perProject } = base.test ?? {};

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    projects: [
      { test: { ...perProject, name: 'berth', include } },
      {
        test: {
          ...perProject,
          name: 'dockerode',
          include: ['src/{client,images,streams}.engine.test.ts'],
          env: { BERTH_ENGINE_TRANSPORT: 'dockerode' },
        },
      },
    ],
  },
});
