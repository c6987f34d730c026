import { goStruct } from '@berth/template';
import type { EndpointPortConfig, ServiceInspect, Task } from '@berth/types';
import type { ListedService } from '../swarm/service-lookup';
import { shortId } from './ids';
import { timeAgo } from './relative-time';

export const SERVICE_HEADERS: Readonly<Record<string, string>> = {
  ID: 'ID',
  Name: 'NAME',
  Mode: 'MODE',
  Replicas: 'REPLICAS',
  Image: 'IMAGE',
  Ports: 'PORTS',
};

export const SERVICE_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}';

/** `*:8080->80/tcp` for each port, as `service ls` and `service ps` show published ports. */
export function servicePorts(ports: readonly EndpointPortConfig[] | undefined): string {
  return (ports ?? [])
    .map((port) => `*:${port.PublishedPort ?? ''}->${port.TargetPort}/${port.Protocol ?? 'tcp'}`)
    .join(', ');
}

/** The image as a listing shows it: the digest docker pins after resolving it left out. */
function imageName(service: ServiceInspect): string {
  return service.Spec.TaskTemplate.ContainerSpec.Image.split('@')[0] ?? '';
}

/** One line of `service ls`, with docker's field names. */
export function serviceRow(service: ListedService, truncate: boolean) {
  const global = service.Spec.Mode?.Global !== undefined;
  const status = service.ServiceStatus;
  const desired = status?.DesiredTasks ?? service.Spec.Mode?.Replicated?.Replicas ?? 0;
  const ingress = (service.Endpoint?.Ports ?? []).filter((port) => port.PublishMode !== 'host');
  // keys in docker's JSON order (sorted), for `--format json`; docker's rows are structs of its service and task
  // packages, so a field they lack fails the template
  return goStruct('*service.serviceContext', {
    ID: truncate ? shortId(service.ID) : service.ID,
    Image: imageName(service),
    Mode: global ? 'global' : 'replicated',
    Name: service.Spec.Name ?? '',
    Ports: servicePorts(ingress),
    Replicas: `${status?.RunningTasks ?? 0}/${desired}`,
  });
}

export const TASK_HEADERS: Readonly<Record<string, string>> = {
  ID: 'ID',
  Name: 'NAME',
  Image: 'IMAGE',
  Node: 'NODE',
  DesiredState: 'DESIRED STATE',
  CurrentState: 'CURRENT STATE',
  Error: 'ERROR',
  Ports: 'PORTS',
};

export const TASK_TABLE =
  'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}';

const title = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** docker's ERROR column: quoted, and cut to 30 characters unless `--no-trunc`. */
function errorText(error: string | undefined, truncate: boolean): string {
  if (!error) return '';
  const shown = truncate && [...error].length > 30 ? `${[...error].slice(0, 29).join('')}…` : error;
  return `"${shown}"`;
}

export interface TaskRowContext {
  serviceName: string;
  nodeName: string;
  /** An older task of the same slot, which docker indents under the newest with ` \_ `. */
  older: boolean;
  truncate: boolean;
}

/** One line of `service ps`. */
export function taskRow(task: Task, context: TaskRowContext, now: number = Date.now()) {
  const slot = task.Slot ? String(task.Slot) : (task.NodeID ?? '');
  const name = `${context.serviceName}.${slot}`;
  const since = Date.parse(task.Status.Timestamp) / 1000;
  return goStruct('*task.taskContext', {
    // docker writes a task's age in lower case: `Running less than a second ago`, `Running about a minute ago`
    CurrentState: `${title(task.Status.State)} ${timeAgo(since, now).toLowerCase()}`,
    DesiredState: title(task.DesiredState),
    Error: errorText(task.Status.Err, context.truncate),
    ID: context.truncate ? shortId(task.ID) : task.ID,
    Image: task.Spec.ContainerSpec.Image.split('@')[0] ?? '',
    Name: context.older ? ` \\_ ${name}` : name,
    Node: context.nodeName,
    Ports: servicePorts(task.Status.PortStatus?.Ports),
  });
}
