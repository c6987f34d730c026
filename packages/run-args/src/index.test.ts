import { describe, expect, it } from 'vitest';
import * as spec from './index';

describe('the package entry', () => {
  it('exports the contract of design.md: parseRunArgs, toRunArgs and the preview', () => {
    expect(typeof spec.parseRunArgs).toBe('function');
    expect(typeof spec.toRunArgs).toBe('function');
    expect(typeof spec.previewCreateRequest).toBe('function');
    expect(typeof spec.formatCreateRequest).toBe('function');
    const run = spec.parseRunArgs(['--name', 'web', 'nginx'], { readFile: () => '', lookupEnv: () => undefined });
    expect(spec.toRunArgs({ ...inspectLike(run.body), Name: '/web' })).toContain('nginx');
  });
});

function inspectLike(body: ReturnType<typeof spec.parseRunArgs>['body']) {
  const { HostConfig = {}, NetworkingConfig, ...Config } = body;
  return {
    Id: 'f'.repeat(64),
    Name: '/x',
    Image: 'sha256:0',
    Config,
    HostConfig,
    NetworkSettings: { Networks: NetworkingConfig?.EndpointsConfig ?? {} },
  } as unknown as Parameters<typeof spec.toRunArgs>[0];
}
