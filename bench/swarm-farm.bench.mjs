// The website farm of ch. 2.3 (20 pairs of web + the agent watching it) deployed through berth as Swarm services
// and as containers, on the same single-node swarm engine of this script's own (scripts/swarm-engine.sh), time from
// the first command until every task or container is running. Containers are linked as in the book; services
// cannot be, so they share an attachable overlay network and each agent probes its web by service name. The sides
// alternate round by round; everything is removed and the engine stopped at the end, even on failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Docker from 'dockerode';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '../apps/cli/dist/bin/bin.js');
const SCRIPT = join(here, '../scripts/swarm-engine.sh');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 20);
const TIMEOUT_MS = 180_000;
const ENGINE = `bfarm${process.pid}`;
const LABEL = 'berth.bench=swarm-farm';
const NETWORK = 'berth-bench-farm';

class BenchError extends Error {
  name = 'BenchError';
}

function berth(host, args) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, DOCKER_HOST: host },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new BenchError(`berth ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

// the agent's script probes `insideweb`, the link alias; on the overlay its web answers to the service's name
const agentCommand = (web) => ['sh', '-c', `sed s/insideweb/${web}/g /usr/local/bin/agent | sh`];

const deployments = {
  services: {
    deploy(host, round) {
      for (let pair = 0; pair < PAIRS; pair++) {
        const web = `web-${round}-${pair}`;
        const common = ['service', 'create', '-d', '-q', '--label', LABEL, '--network', NETWORK];
        berth(host, [...common, '--name', web, 'berth-fixtures/web']);
        berth(host, [...common, '--name', `agent-${round}-${pair}`, 'berth-fixtures/agent', ...agentCommand(web)]);
      }
    },
    async running(docker) {
      const tasks = await docker.listTasks({ filters: { 'desired-state': ['running'] } });
      return tasks.filter((task) => task.Status?.State === 'running').length;
    },
    async remove(docker) {
      const services = await docker.listServices({ filters: { label: [LABEL] } });
      await Promise.all(services.map((service) => docker.getService(service.ID).remove()));
      // a service's containers outlive its removal for a moment; the next round starts from none
      await until(async () => (await docker.listContainers({ all: true })).length === 0);
    },
  },
  containers: {
    deploy(host, round) {
      for (let pair = 0; pair < PAIRS; pair++) {
        const web = `web-${round}-${pair}`;
        berth(host, ['run', '-d', '--label', LABEL, '--name', web, 'berth-fixtures/web']);
        const agent = `agent-${round}-${pair}`;
        berth(host, [
          'run',
          '-d',
          '--label',
          LABEL,
          '--name',
          agent,
          '--link',
          `${web}:insideweb`,
          'berth-fixtures/agent',
        ]);
      }
    },
    async running(docker) {
      return (await docker.listContainers({ filters: { label: [LABEL], status: ['running'] } })).length;
    },
    async remove(docker) {
      const containers = await docker.listContainers({ all: true, filters: { label: [LABEL] } });
      await Promise.all(containers.map((container) => docker.getContainer(container.Id).remove({ force: true })));
    },
  },
};
async function until(condition) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new BenchError(`not reached within ${TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function measure(side, host, docker, round) {
  const start = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
  side.deploy(host, round);
  const commands = elapsed();
  await until(async () => (await side.running(docker)) === 2 * PAIRS);
  const running = elapsed();
  await side.remove(docker);
  return { running, commands };
}

// a /24 for the overlay that no route of the host and no network of the swarm engine overlaps
async function freeSubnet(docker) {
  const toRange = (cidr) => {
    const [address, bits = '32'] = cidr.split('/');
    const value = address.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
    const size = 2 ** (32 - Number(bits));
    const first = value - (value % size);
    return [first, first + size - 1];
  };
  const taken = execFileSync('ip', ['-4', 'route', 'show', 'table', 'all'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.split(' ')[0])
    .filter((word) => /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(word));
  for (const network of await docker.listNetworks())
    for (const config of network.IPAM?.Config ?? []) if (config.Subnet?.includes('.')) taken.push(config.Subnet);
  const ranges = taken.map(toRange);
  for (let third = 0; third < 256; third++) {
    const candidate = `10.213.${third}.0/24`;
    const [first, last] = toRange(candidate);
    if (ranges.every(([low, high]) => last < low || first > high)) return candidate;
  }
  throw new BenchError('no free /24 in 10.213.0.0/16');
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

if (!existsSync(BIN)) throw new BenchError(`build berth first: ${BIN} is missing`);
const stop = () => spawnSync('bash', [SCRIPT, 'stop', ENGINE], { stdio: 'inherit' });
try {
  const host = execFileSync('bash', [SCRIPT, 'start', ENGINE], { encoding: 'utf8' }).trim();
  const docker = new Docker({ socketPath: host.replace(/^unix:\/\//, '') });
  berth(host, ['swarm', 'init', '--advertise-addr', '127.0.0.1']);
  const subnet = await freeSubnet(docker);
  berth(host, ['network', 'create', '-d', 'overlay', '--attachable', '--subnet', subnet, NETWORK]);
  const times = { services: [], containers: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? ['containers', 'services'] : ['services', 'containers'];
    for (const name of order) times[name].push(await measure(deployments[name], host, docker, round));
  }
  const medians = {};
  for (const [name, samples] of Object.entries(times)) {
    const values = samples.map((sample) => sample.running);
    medians[name] = { running: median(values), commands: median(samples.map((sample) => sample.commands)) };
    console.log(
      `${`farm as ${name}`.padEnd(20)} median ${medians[name].running.toFixed(0)} ms  (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}) until ${2 * PAIRS} running, ${ROUNDS} rounds; the ${2 * PAIRS} berth commands took ${medians[name].commands.toFixed(0)} ms of it`,
    );
  }
  const { services, containers } = medians;
  console.log(`services / containers: ${(services.running / containers.running).toFixed(2)}`);
  // after the last command returns: a service's task still has to be scheduled, a container is already running
  const settling = (side) => side.running - side.commands;
  console.log(
    `after the last command: services ${settling(services).toFixed(0)} ms, containers ${settling(containers).toFixed(0)} ms`,
  );
} finally {
  stop();
}
