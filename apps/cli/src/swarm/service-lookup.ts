import type { Engine } from '@berth/engine';
import type { ServiceInspect } from '@berth/types';
import { CliError } from '../errors';

/** A service as `GET /services?status=true` lists it: the inspect document and its task counts. */
export type ListedService = ServiceInspect & { ServiceStatus?: { RunningTasks: number; DesiredTasks: number } };

/**
 * The services named by full id, name or id prefix, as the docker CLI finds them (an id match first, then a name);
 * a name with no service is refused with docker's `no such service: x`.
 */
export async function findServices(engine: Engine, names: readonly string[]): Promise<ListedService[]> {
  const list = (filter: 'id' | 'name') =>
    engine.request<ListedService[]>({
      method: 'GET',
      path: '/services',
      query: { status: true, filters: { [filter]: Object.fromEntries(names.map((name) => [name, true])) } },
    });
  const [byId, byName] = await Promise.all([list('id'), list('name')]);
  return names.map((name) => {
    const found =
      byId.find((service) => service.ID === name) ??
      byName.find((service) => service.Spec.Name === name) ??
      byId.find((service) => service.ID.startsWith(name));
    if (!found) throw new CliError('no-such-service', name, `no such service: ${name}`);
    return found;
  });
}
