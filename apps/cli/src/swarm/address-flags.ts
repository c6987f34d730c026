import type { CliFlag } from '../command';

/** `--advertise-addr`, as swarm init and join declare it. */
export const ADVERTISE_ADDR: CliFlag = {
  long: 'advertise-addr',
  kind: 'value',
  type: 'string',
  description: 'Advertised address (format: "<ip|interface>[:port]")',
};
/** `--listen-addr`, as swarm init and join declare it. */
export const LISTEN_ADDR: CliFlag = {
  long: 'listen-addr',
  kind: 'value',
  type: 'node-addr',
  description: 'Listen address (format: "<ip|interface>[:port]")',
  default: '0.0.0.0:2377',
};
