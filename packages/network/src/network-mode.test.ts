import { describe, expect, it } from 'vitest';
import { isUserDefinedNetwork, networkContainer, networkModeKind } from './index';

describe('network modes', () => {
  it.each([
    ['default', 'default', undefined],
    ['bridge', 'bridge', undefined],
    ['host', 'host', undefined],
    ['none', 'none', undefined],
    ['container:web', 'container', 'web'],
    ['container:a:b', 'container', 'a:b'],
    ['container:', 'container', ''],
    ['container', 'user-defined', undefined],
    ['my-net', 'user-defined', undefined],
    ['my:net', 'user-defined', undefined],
  ] as const)('%s is a %s mode joining container %s', (mode, kind, container) => {
    expect(networkModeKind(mode)).toBe(kind);
    expect(isUserDefinedNetwork(mode)).toBe(kind === 'user-defined');
    expect(networkContainer(mode)).toBe(container);
  });
});
