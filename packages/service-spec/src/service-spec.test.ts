import { parseRunArgs } from '@berth/run-args';
import { BerthError } from '@berth/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServiceSpecError } from './errors';
import { parseServicePublish } from './publish';
import { runArgsForService } from './run-line';
import { parseServiceCreateArgs } from './service-create-args';
import { REFUSED_RUN_LINES, RUN_LINE_PAIRS, SERVICE_LINES } from './service-lines';
import { runLineWords, serviceSpecFromRunArgs } from './service-spec';
import { applyServiceUpdate } from './service-update';

const spec = (argv: readonly string[]) => parseServiceCreateArgs(argv).spec;

describe('a run line and the service flags that mean the same build one spec', () => {
  it.each(RUN_LINE_PAIRS)('%s', (run, service) => {
    expect(spec(['--from-run', run])).toEqual(spec(service));
  });
});

describe('what a service cannot carry is refused, naming the service-side flag', () => {
  it.each(REFUSED_RUN_LINES)('%s', (run, input, equivalent) => {
    const refusal = (() => {
      try {
        serviceSpecFromRunArgs(runLineWords(run));
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(ServiceSpecError);
    expect(refusal).toMatchObject({ code: 'not-for-services', input, equivalent });
    expect((refusal as Error).message).toContain(input);
  });
});

describe('--publish, both syntaxes', () => {
  it.each([
    ['8080:80', [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }]],
    ['80', [{ Protocol: 'tcp', TargetPort: 80, PublishMode: 'ingress' }]],
    ['53:53/udp', [{ Protocol: 'udp', TargetPort: 53, PublishedPort: 53, PublishMode: 'ingress' }]],
    [
      '8000-8001:80-81',
      [
        { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8000, PublishMode: 'ingress' },
        { Protocol: 'tcp', TargetPort: 81, PublishedPort: 8001, PublishMode: 'ingress' },
      ],
    ],
    [
      'published=8080,target=80,mode=host,protocol=udp',
      [{ Protocol: 'udp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'host' }],
    ],
    ['target=80', [{ Protocol: 'tcp', TargetPort: 80, PublishMode: 'ingress' }]],
  ])('%s', (value, ports) => {
    expect(parseServicePublish(value)).toEqual(ports);
  });

  it.each([
    ['127.0.0.1:8080:80', 'hostip is not supported'],
    ['published=8080', 'missing mandatory field "target"'],
    ['x:80', 'invalid port: x'],
    ['80/icmp', 'invalid protocol: icmp'],
    ['target=80,colour=red', 'invalid field key colour'],
  ])('%s is refused: %s', (value, why) => {
    expect(() => parseServicePublish(value)).toThrow(`invalid argument "${value}" for "-p, --publish" flag: ${why}`);
  });
});

describe('service create options', () => {
  it('sends docker CLI defaults as docker does: Labels, Init, DNSConfig, Resources, Placement, vip', () => {
    expect(spec(['busybox:1.29', 'sleep', '1'])).toEqual({
      Labels: {},
      TaskTemplate: {
        ContainerSpec: { Image: 'busybox:1.29', Args: ['sleep', '1'], Init: false, DNSConfig: {} },
        Resources: { Limits: {}, Reservations: {} },
        Placement: {},
        ForceUpdate: 0,
      },
      Mode: { Replicated: {} },
      EndpointSpec: { Mode: 'vip' },
    });
  });

  it('fills a policy with docker defaults when one of its flags is given', () => {
    const created = spec(['--update-parallelism', '2', '--restart-condition', 'none', 'busybox:1.29']);
    expect(created.UpdateConfig).toEqual({
      Parallelism: 2,
      FailureAction: 'pause',
      Monitor: 5e9,
      MaxFailureRatio: 0,
      Order: 'stop-first',
    });
    expect(created.TaskTemplate.RestartPolicy).toEqual({ Condition: 'none', Delay: 5e9, MaxAttempts: 0 });
  });

  it('names the service from --name, else from the run line', () => {
    expect(spec(['--from-run', 'docker run --name web busybox:1.29']).Name).toBe('web');
    expect(spec(['--name', 'svc', '--from-run', 'docker run --name web busybox:1.29']).Name).toBe('svc');
  });

  it.each([
    [['--from-run', 'run busybox:1.29', 'busybox:1.29'], 'image-and-run-line'],
    [['--mode', 'global', '--replicas', '2', 'busybox:1.29'], 'invalid-mode'],
    [['--mode', 'both', 'busybox:1.29'], 'invalid-service-option'],
    [['--update-delay', 'soon', 'busybox:1.29'], 'invalid-service-option'],
    [['--network', 'alias=a', 'busybox:1.29'], 'invalid-network'],
  ])('%j is refused (%s)', (argv, code) => {
    expect(() => parseServiceCreateArgs(argv)).toThrow(expect.objectContaining({ code }));
  });

  it('takes every table line', () => {
    for (const line of SERVICE_LINES) expect(() => spec(line)).not.toThrow();
  });
});

describe('service update', () => {
  const current = spec(['--replicas', '2', '-e', 'A=1', '-e', 'B=2', '--label', 'x=y', 'busybox:1.29']);

  it('changes only what its options name', () => {
    const { spec: updated, service } = applyServiceUpdate(current, [
      '--replicas',
      '3',
      '--env-add',
      'A=9',
      '--env-rm',
      'B',
      '--label-add',
      'z=1',
      '--label-rm',
      'x',
      '--update-parallelism',
      '2',
      '--image',
      'busybox:latest',
      'web',
    ]);
    expect(service).toBe('web');
    expect(updated.Mode).toEqual({ Replicated: { Replicas: 3 } });
    expect(updated.TaskTemplate.ContainerSpec.Env).toEqual(['A=9']);
    expect(updated.TaskTemplate.ContainerSpec.Image).toBe('busybox:latest');
    expect(updated.Labels).toEqual({ z: '1' });
    expect(updated.UpdateConfig).toEqual({ Parallelism: 2 });
    expect(current.Mode).toEqual({ Replicated: { Replicas: 2 } });
  });

  it('redeploys with --force', () => {
    expect(applyServiceUpdate(current, ['--force', 'web']).spec.TaskTemplate.ForceUpdate).toBe(1);
  });
});

describe('the run line of a service task', () => {
  it.each(RUN_LINE_PAIRS)('%s comes back as an equivalent run line', (run) => {
    const original = serviceSpecFromRunArgs(runLineWords(run));
    const again = runArgsForService(original);
    expect(parseRunArgs(again).detach).toBe(true);
    const rebuilt = serviceSpecFromRunArgs(
      again.filter((word, index) => !(word === '--restart' || again[index - 1] === '--restart')),
    );
    expect(rebuilt.TaskTemplate.ContainerSpec).toEqual(original.TaskTemplate.ContainerSpec);
    expect(rebuilt.TaskTemplate.Resources).toEqual(original.TaskTemplate.Resources);
    expect(rebuilt.EndpointSpec).toEqual(original.EndpointSpec);
  });
});

describe('properties', () => {
  it('any argv gives a spec or a berth error, never another exception', () => {
    const word = fc.oneof(
      fc.constantFrom('--replicas', '-p', '--mode', '--from-run', '--network', '--update-delay', '--publish', '-e'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (argv) => {
        try {
          parseServiceCreateArgs(argv);
        } catch (error) {
          expect(error).toBeInstanceOf(BerthError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
