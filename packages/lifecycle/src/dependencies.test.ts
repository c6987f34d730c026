import { BerthError } from '@berth/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ContainerSpec, dependenciesOf, startOrder, stopOrder } from './dependencies';
import { AmbiguousContainerError, DependencyCycleError, DependencyError, MissingDependencyError } from './errors';

// ch.2.3.2: the agent watches web and reports to the mailer
const farm: ContainerSpec[] = [
  { name: 'agent', HostConfig: { Links: ['web:insideweb', 'mailer:insidemailer'] } },
  { name: 'web' },
  { name: 'mailer' },
];

describe('dependenciesOf', () => {
  it('reads every kind of dependency, in flag order', () => {
    expect(
      dependenciesOf({
        name: 'app',
        HostConfig: {
          Links: ['db:mysql', 'cache'],
          VolumesFrom: ['data:ro', 'logs'],
          NetworkMode: 'container:proxy',
          IpcMode: 'container:producer',
          PidMode: 'container:init',
        },
      }),
    ).toEqual([
      { container: 'db', kind: 'link', flag: '--link db:mysql', alias: 'mysql' },
      { container: 'cache', kind: 'link', flag: '--link cache:cache', alias: 'cache' },
      { container: 'data', kind: 'volumes-from', flag: '--volumes-from data:ro' },
      { container: 'logs', kind: 'volumes-from', flag: '--volumes-from logs' },
      { container: 'proxy', kind: 'network', flag: '--network container:proxy' },
      { container: 'producer', kind: 'ipc', flag: '--ipc container:producer' },
      { container: 'init', kind: 'pid', flag: '--pid container:init' },
    ]);
  });

  it('reads links as inspect shows them', () => {
    expect(dependenciesOf({ name: 'agent', HostConfig: { Links: ['/web:/agent/insideweb'] } })).toEqual([
      { container: 'web', kind: 'link', flag: '--link web:insideweb', alias: 'insideweb' },
    ]);
  });

  it('ignores modes that name no container', () => {
    expect(
      dependenciesOf({
        name: 'x',
        HostConfig: { NetworkMode: 'bridge', IpcMode: 'shareable', PidMode: 'host' },
      }),
    ).toEqual([]);
    expect(dependenciesOf({ name: 'x' })).toEqual([]);
  });
});

describe('startOrder and stopOrder', () => {
  it('starts the website farm’s web and mailer before the agent, and stops the agent first', () => {
    expect(startOrder(farm)).toEqual(['web', 'mailer', 'agent']);
    expect(stopOrder(farm)).toEqual(['agent', 'mailer', 'web']);
  });

  it('keeps the given order where nothing forces another', () => {
    expect(startOrder([{ name: 'b' }, { name: 'a' }, { name: 'c' }])).toEqual(['b', 'a', 'c']);
  });

  it('follows chains across kinds, by name, full id or id prefix', () => {
    const specs: ContainerSpec[] = [
      { name: 'client', HostConfig: { NetworkMode: 'container:9f8e7d' } },
      { name: 'sidecar', id: '9f8e7d6c5b4a', HostConfig: { VolumesFrom: ['/store:rw'] } },
      { name: 'store', id: 'aaaa1111' },
      { name: 'consumer', HostConfig: { IpcMode: 'container:aaaa1111', PidMode: 'container:sidecar' } },
    ];
    expect(startOrder(specs)).toEqual(['store', 'sidecar', 'client', 'consumer']);
  });

  it('names the cycle', () => {
    const specs: ContainerSpec[] = [
      { name: 'a', HostConfig: { Links: ['b:b'] } },
      { name: 'b', HostConfig: { VolumesFrom: ['c'] } },
      { name: 'c', HostConfig: { NetworkMode: 'container:a' } },
    ];
    expect(() => startOrder(specs)).toThrow(
      expect.objectContaining({ code: 'dependency-cycle', cycle: ['a', 'b', 'c', 'a'] }),
    );
    expect(() => stopOrder(specs)).toThrow('circular dependency between containers: a -> b -> c -> a');
  });

  it('names a container that depends on itself', () => {
    expect(() => startOrder([{ name: 'loop', HostConfig: { Links: ['loop:me'] } }])).toThrow(
      expect.objectContaining({ cycle: ['loop', 'loop'] }),
    );
  });

  it('names the missing container, its dependent and the flag', () => {
    const error = (() => {
      try {
        startOrder([farm[0] as ContainerSpec, { name: 'web' }]);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(MissingDependencyError);
    expect(error).toBeInstanceOf(DependencyError);
    expect(error).toBeInstanceOf(BerthError);
    expect(error).toMatchObject({
      code: 'missing-dependency',
      input: 'mailer',
      container: 'agent',
      dependency: 'mailer',
      kind: 'link',
      message: expect.stringContaining('--link mailer:insidemailer'),
    });
  });

  it('accepts dependencies on containers that already exist outside the set', () => {
    expect(startOrder([farm[0] as ContainerSpec, { name: 'web' }], { external: ['mailer'] })).toEqual(['web', 'agent']);
  });

  it('refuses two specs with one name, and an id prefix that matches two', () => {
    expect(() => startOrder([{ name: 'web' }, { name: '/web' }])).toThrow(AmbiguousContainerError);
    expect(() =>
      startOrder([
        { name: 'a', id: 'abc1' },
        { name: 'b', id: 'abc2' },
        { name: 'c', HostConfig: { Links: ['abc:x'] } },
      ]),
    ).toThrow(expect.objectContaining({ code: 'ambiguous-reference', input: 'abc' }));
  });

  it('puts every dependency before its dependents, for any acyclic set', () => {
    const acyclic = fc
      .integer({ min: 1, max: 12 })
      .chain((size) =>
        fc.tuple(
          fc.constant(size),
          fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1), fc.constantFrom('link', 'volumes', 'net')), {
            maxLength: 30,
          }),
        ),
      )
      .map(([size, edges]) => {
        // an edge from a higher to a lower index keeps the graph acyclic; shuffle the names to hide that order
        const specs: ContainerSpec[] = Array.from({ length: size }, (_, i) => ({ name: `c${i}`, HostConfig: {} }));
        for (const [x, y, kind] of edges) {
          if (x === y) continue;
          const [from, to] = x > y ? [x, y] : [y, x];
          const host = (specs[from] as ContainerSpec).HostConfig as NonNullable<ContainerSpec['HostConfig']>;
          if (kind === 'link') host.Links = [...(host.Links ?? []), `c${to}:alias${to}`];
          else if (kind === 'volumes') host.VolumesFrom = [...(host.VolumesFrom ?? []), `c${to}:ro`];
          else host.NetworkMode = `container:c${to}`;
        }
        return specs.reverse();
      });
    fc.assert(
      fc.property(acyclic, (specs) => {
        const order = startOrder(specs);
        expect([...order].sort()).toEqual(specs.map((s) => s.name).sort());
        for (const spec of specs) {
          for (const dependency of dependenciesOf(spec)) {
            expect(order.indexOf(dependency.container)).toBeLessThan(order.indexOf(spec.name));
          }
        }
        expect(stopOrder(specs)).toEqual([...order].reverse());
      }),
    );
  });

  it('finds a cycle whenever one exists', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (size) => {
        const ring: ContainerSpec[] = Array.from({ length: size }, (_, i) => ({
          name: `r${i}`,
          HostConfig: { Links: [`r${(i + 1) % size}:next`] },
        }));
        expect(() => startOrder(ring)).toThrow(DependencyCycleError);
      }),
    );
  });
});
