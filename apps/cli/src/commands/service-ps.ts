import type { Engine } from '@berth/engine';
import type { Task } from '@berth/types';
import type { CliFlag, CommandModule } from '../command';
import { FILTER_FLAG, filterValues } from '../filter-flag';
import { chooseListFormat, renderList } from '../output/list-format';
import { TASK_HEADERS, TASK_TABLE, taskRow } from '../output/service-row';
import { findServices, type ListedService } from '../swarm/service-lookup';

const FORMAT: CliFlag = {
  long: 'format',
  kind: 'value',
  type: 'string',
  description: 'Pretty-print tasks using a Go template',
};
const NO_TRUNC: CliFlag = { long: 'no-trunc', kind: 'bool', description: "Don't truncate output" };
const QUIET: CliFlag = { long: 'quiet', short: 'q', kind: 'bool', description: 'Only display task IDs' };

async function nodeNames(engine: Engine, tasks: readonly Task[]): Promise<Map<string, string>> {
  const ids = [...new Set(tasks.flatMap((task) => (task.NodeID ? [task.NodeID] : [])))];
  const nodes = await Promise.all(
    ids.map((id) => engine.request<{ Description?: { Hostname?: string } }>({ method: 'GET', path: `/nodes/${id}` })),
  );
  return new Map(ids.map((id, index) => [id, nodes[index]?.Description?.Hostname ?? id]));
}

/** docker's order: by service name, slot (or node, for a global service), then newest first within a slot. */
function ordered(tasks: Task[], services: readonly ListedService[]): Task[] {
  const name = (task: Task) => services.find((service) => service.ID === task.ServiceID)?.Spec.Name ?? '';
  const place = (task: Task) => (task.Slot ? String(task.Slot).padStart(10, '0') : (task.NodeID ?? ''));
  return tasks.sort(
    (a, b) => name(a).localeCompare(name(b)) || place(a).localeCompare(place(b)) || b.Version.Index - a.Version.Index,
  );
}

/** `berth service ps SERVICE...`: the tasks of each service, older tasks of a slot under the newest, as docker. */
export const command: CommandModule = {
  usage: '[OPTIONS] SERVICE [SERVICE...]',
  flags: [FILTER_FLAG, FORMAT, NO_TRUNC, QUIET],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const engine = context.engine();
    // -q prints whole task ids (service ls -q prints short ones: docker's own difference)
    const truncate = !context.bool(NO_TRUNC) && !context.bool(QUIET);
    const format = chooseListFormat(context.string(FORMAT) ?? '', { table: TASK_TABLE }, context.bool(QUIET));
    // the filters' syntax is refused before any lookup, as docker's flag parsing does
    const filters = filterValues(context, FILTER_FLAG);
    const services = await findServices(engine, context.args);
    filters.service = services.map((service) => service.ID);
    const tasks = ordered(
      await engine.request<Task[]>({ method: 'GET', path: '/tasks', query: { filters } }),
      services,
    );
    const nodes = await nodeNames(engine, tasks);
    const rows = tasks.map((task, index) => {
      const previous = tasks[index - 1];
      const older =
        previous !== undefined &&
        previous.ServiceID === task.ServiceID &&
        previous.Slot === task.Slot &&
        (task.Slot !== undefined || previous.NodeID === task.NodeID);
      const serviceName = services.find((service) => service.ID === task.ServiceID)?.Spec.Name ?? '';
      return taskRow(task, { serviceName, nodeName: nodes.get(task.NodeID ?? '') ?? '', older, truncate });
    });
    context.io.stdout.write(renderList(format, rows, TASK_HEADERS));
    return 0;
  },
};
