import { dockerCli, recordRequests, useSwarmEngine } from '@berth/testkit';
import type { ServiceInspect, ServiceSpec } from '@berth/types';
import { afterEach, describe, expect, it } from 'vitest';
import { parseServiceCreateArgs } from './service-create-args';
import { RUN_LINE_PAIRS, SERVICE_LINES } from './service-lines';

const swarm = await useSwarmEngine();
let made = 0;
const names: string[] = [];
afterEach(async () => {
  await Promise.all(
    names.splice(0).map((name) =>
      swarm.docker
        .getService(name)
        .remove()
        .catch(() => undefined),
    ),
  );
});

function newName(side: string): string {
  made += 1;
  names.push(`conf-${side}-${made}`);
  return `conf-${side}-${made}`;
}

/** Go leaves zero values out, or sends them: neither is a difference. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(comparable);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, inner]) => [key, comparable(inner)] as const)
      .filter(([, inner]) => inner !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value === 0 || value === false || value === '' || value === null ? undefined : value;
}

async function viaDockerCli(line: readonly string[]): Promise<{ request: ServiceSpec; inspect: ServiceSpec }> {
  const recorder = await recordRequests(swarm.docker);
  const name = newName('docker');
  const args = ['service', 'create', '-d', '--no-resolve-image', '--name', name, ...line];
  const result = await dockerCli(args, { env: { DOCKER_HOST: recorder.host } }).finally(() => recorder.close());
  expect(result.stderr).toBe('');
  const request = recorder.jsonBody('POST', '/v1.41/services/create') as ServiceSpec;
  const inspect = (await swarm.docker.getService(name).inspect()) as ServiceInspect;
  // gone before berth's twin is made: the two would publish the same ingress ports
  await swarm.docker.getService(name).remove();
  return { request, inspect: inspect.Spec };
}

async function viaBerth(spec: ServiceSpec): Promise<ServiceSpec> {
  const name = newName('berth');
  const created = await swarm.docker.createService({ ...spec, Name: name } as never);
  return ((await swarm.docker.getService(created.id).inspect()) as ServiceInspect).Spec;
}

const withoutName = ({ Name: _, ...spec }: ServiceSpec) => comparable(spec);

describe.skipIf(!swarm.available)('service create: berth sends what the docker CLI sends (single-node swarm)', () => {
  it.each(SERVICE_LINES)('%j', async (...line) => {
    const docker = await viaDockerCli(line);
    const berth = parseServiceCreateArgs(line).spec;
    expect(withoutName(berth)).toEqual(withoutName(docker.request));
    expect(withoutName(await viaBerth(berth))).toEqual(withoutName(docker.inspect));
  });
});

describe.skipIf(!swarm.available)('--from-run: a run line makes the service its service flags make', () => {
  it.each(RUN_LINE_PAIRS)('%s', async (run, service) => {
    const docker = await viaDockerCli(service);
    const berth = parseServiceCreateArgs(['--from-run', run]).spec;
    expect(withoutName(berth)).toEqual(withoutName(docker.request));
  });
});
