import { cut } from '@berth/go-syntax';
import type { HostConfig } from '@berth/types';
import { trimSlash } from './container-name';
import { AmbiguousContainerError, DependencyCycleError, type DependencyKind, MissingDependencyError } from './errors';

/** What the planner reads of a container: its name (and id, once created) and the create request's HostConfig. */
export interface ContainerSpec {
  name: string;
  id?: string;
  HostConfig?: Pick<HostConfig, 'Links' | 'VolumesFrom' | 'NetworkMode' | 'IpcMode' | 'PidMode'>;
}

/** One container another one needs: `container` as the spec names it (a name, an id or an id prefix). */
export interface Dependency {
  container: string;
  kind: DependencyKind;
  /** The flag as docker would show it: `--link web:insideweb`, `--network container:web`. */
  flag: string;
  /** The link's alias (`--link web:insideweb` → `insideweb`; the target's name when none is given). */
  alias?: string;
}

export interface OrderOptions {
  /** Containers that already exist outside the set (a shared database…): dependencies on them are satisfied. */
  external?: Iterable<string>;
}

// `--network container:web`, `--ipc container:web`, `--pid container:web`
function modeDependency(mode: string | undefined, kind: DependencyKind, flag: string): Dependency[] {
  if (mode?.startsWith('container:') !== true) return [];
  const container = mode.slice('container:'.length);
  return [{ container, kind, flag: `${flag} ${mode}` }];
}

/**
 * The containers `spec` needs running (links, namespaces) or existing (`--volumes-from`) before it starts, in flag
 * order. Links are read as the CLI sends them (`web:insideweb`, `web`) and as inspect shows them
 * (`/web:/agent/insideweb`).
 */
export function dependenciesOf(spec: ContainerSpec): Dependency[] {
  const host = spec.HostConfig ?? {};
  const links = (host.Links ?? []).map((link): Dependency => {
    const [target, path, hasAlias] = cut(link, ':');
    const container = trimSlash(target);
    // inspect's alias is a path: /agent/insideweb
    const alias = hasAlias ? path.slice(path.lastIndexOf('/') + 1) : container;
    return { container, kind: 'link', flag: `--link ${container}:${alias}`, alias };
  });
  const volumesFrom = (host.VolumesFrom ?? []).map(
    (entry): Dependency => ({ container: cut(entry, ':')[0], kind: 'volumes-from', flag: `--volumes-from ${entry}` }),
  );
  return [
    ...links,
    ...volumesFrom,
    ...modeDependency(host.NetworkMode, 'network', '--network'),
    ...modeDependency(host.IpcMode, 'ipc', '--ipc'),
    ...modeDependency(host.PidMode, 'pid', '--pid'),
  ];
}

/** Finds the spec a reference means, as the engine does: full id, then exact name, then a unique id prefix. */
function resolver(specs: readonly ContainerSpec[]): (reference: string) => ContainerSpec | undefined {
  const byName = new Map<string, ContainerSpec>();
  for (const spec of specs) {
    const name = trimSlash(spec.name);
    if (byName.has(name)) {
      throw new AmbiguousContainerError('duplicate-name', name, `two containers are named ${name}`);
    }
    byName.set(name, spec);
  }
  return (reference) => {
    const exactId = specs.find((spec) => spec.id === reference);
    if (exactId) return exactId;
    const named = byName.get(trimSlash(reference));
    if (named) return named;
    const prefixed = specs.filter((spec) => spec.id?.startsWith(reference) === true);
    if (prefixed.length > 1) {
      throw new AmbiguousContainerError(
        'ambiguous-reference',
        reference,
        `container reference ${reference} matches more than one id: ${prefixed.map((s) => s.name).join(', ')}`,
      );
    }
    return prefixed[0];
  };
}

/**
 * The order to create and start the containers: each after everything it depends on, otherwise in the given order
 * (ch.2.3.2: docker cannot start a container linked to one that is not running). Throws a
 * {@link DependencyCycleError} naming the ring, or a {@link MissingDependencyError} naming the container and flag.
 */
export function startOrder(specs: readonly ContainerSpec[], options: OrderOptions = {}): string[] {
  const resolve = resolver(specs);
  const external = new Set([...(options.external ?? [])].map(trimSlash));
  const done = new Set<ContainerSpec>();
  const path: ContainerSpec[] = [];
  const order: string[] = [];

  const visit = (spec: ContainerSpec) => {
    if (done.has(spec)) return;
    const onPath = path.indexOf(spec);
    if (onPath !== -1) {
      throw new DependencyCycleError([...path.slice(onPath), spec].map((s) => trimSlash(s.name)));
    }
    path.push(spec);
    for (const dependency of dependenciesOf(spec)) {
      const target = resolve(dependency.container);
      if (target) visit(target);
      else if (!external.has(trimSlash(dependency.container))) {
        throw new MissingDependencyError(trimSlash(spec.name), dependency.container, dependency.kind, dependency.flag);
      }
    }
    path.pop();
    done.add(spec);
    order.push(trimSlash(spec.name));
  };

  for (const spec of specs) visit(spec);
  return order;
}

/** The order to stop and remove the containers: dependents before what they depend on (the start order reversed). */
export function stopOrder(specs: readonly ContainerSpec[], options: OrderOptions = {}): string[] {
  return startOrder(specs, options).reverse();
}
