import type { CommandEntry } from './entry';

// ch.3: the image and registry commands, under `berth image …` and as the top-level words docker keeps for them.
export const IMAGE_COMMANDS: readonly CommandEntry[] = [
  {
    names: [['image', 'build'], ['build'], ['builder', 'build']],
    summary: 'Build an image from a Dockerfile',
    common: true,
    load: () => import('../commands/build'),
  },
  {
    names: [['image', 'history'], ['history']],
    summary: 'Show the history of an image',
    load: () => import('../commands/history'),
  },
  {
    names: [['image', 'ls'], ['image', 'list'], ['images']],
    summary: 'List images',
    common: true,
    load: () => import('../commands/images'),
  },
  {
    names: [['container', 'commit'], ['commit']],
    summary: "Create a new image from a container's changes",
    load: () => import('../commands/commit'),
  },
  {
    names: [['image', 'import'], ['import']],
    summary: 'Import the contents from a tarball to create a filesystem image',
    load: () => import('../commands/import'),
  },
  {
    names: [['image', 'inspect']],
    summary: 'Display detailed information on one or more images',
    load: () => import('../commands/image-inspect'),
  },
  {
    names: [['image', 'load'], ['load']],
    summary: 'Load an image from a tar archive or STDIN',
    load: () => import('../commands/load'),
  },
  {
    names: [['login']],
    summary: 'Authenticate to a registry',
    common: true,
    load: () => import('../commands/login'),
  },
  {
    names: [['logout']],
    summary: 'Log out from a registry',
    common: true,
    load: () => import('../commands/logout'),
  },
  {
    names: [['image', 'pull'], ['pull']],
    summary: 'Download an image from a registry',
    common: true,
    load: () => import('../commands/pull'),
  },
  {
    names: [['image', 'prune']],
    summary: 'Remove unused images',
    load: () => import('../commands/image-prune'),
  },
  {
    names: [['image', 'push'], ['push']],
    summary: 'Upload an image to a registry',
    common: true,
    load: () => import('../commands/push'),
  },
  {
    names: [['image', 'rm'], ['image', 'remove'], ['rmi']],
    summary: 'Remove one or more images',
    load: () => import('../commands/rmi'),
  },
  {
    names: [['image', 'save'], ['save']],
    summary: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
    load: () => import('../commands/save'),
  },
  {
    names: [['image', 'tag'], ['tag']],
    summary: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
    load: () => import('../commands/tag'),
  },
];
