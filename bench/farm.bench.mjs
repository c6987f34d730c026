// The website farm of ch. 2.3: one mailer, then N web servers each with its monitoring agent linked to it and to the
// mailer. Baseline: the book's loop of `docker run -d` commands, one after the other. berth: a script on the
// packages themselves (@berth/run-args' parseRunArgs for the same argv, @berth/engine for the requests), in one
// process, the N pairs deployed at once in dependency order. Goal: berth at least 1.7×
// faster for N=20. Both farms carry a label and are removed after each run.
import { execFileSync } from 'node:child_process';
import { Engine } from '@berth/engine';
import { parseRunArgs } from '@berth/run-args';
import { median } from './timing.mjs';

const N = Number(process.env.FARM_SIZE ?? 20);
const ROUNDS = Number(process.env.BENCH_SAMPLES ?? 3);
const GOAL = 1.7;
const LABEL = 'berth.bench=farm';

/** The farm's `docker run` argv, in dependency order: the mailer, then each web server before its agent. */
function farmLines(prefix) {
  const mailer = `${prefix}-mailer`;
  const lines = [['-d', '--label', LABEL, '--name', mailer, 'berth-fixtures/mailer']];
  for (let site = 0; site < N; site++) {
    const web = `${prefix}-web-${site}`;
    lines.push(['-d', '--label', LABEL, '--name', web, 'berth-fixtures/web']);
    lines.push([
      ...['-d', '--label', LABEL, '--name', `${prefix}-agent-${site}`],
      ...['--link', `${web}:insideweb`, '--link', `${mailer}:insidemailer`, 'berth-fixtures/agent'],
    ]);
  }
  return lines;
}

function removeFarms() {
  const ids = execFileSync('docker', ['ps', '-aq', '--filter', `label=${LABEL}`], { encoding: 'utf8' }).split('\n');
  const present = ids.filter(Boolean);
  if (present.length > 0) execFileSync('docker', ['rm', '-f', ...present], { stdio: 'ignore' });
}

function dockerLoop(prefix) {
  for (const line of farmLines(prefix)) execFileSync('docker', ['run', ...line], { stdio: 'ignore' });
}

async function berthScript(prefix) {
  const engine = new Engine();
  const apiVersion = await engine.apiVersion();
  const create = async (argv) => {
    const { name, body } = parseRunArgs(argv, { command: 'run', apiVersion });
    return (await engine.createContainer(body, name ? { name } : {})).Id;
  };
  const [mailer, ...pairs] = farmLines(prefix);
  // ch. 2.3.2: a link's target must exist when its container is created and run when it starts, so each agent is
  // created once its web server and the mailer exist, and started once both run; everything else goes at once
  const mailerCreated = create(mailer);
  const mailerRunning = mailerCreated.then((id) => engine.startContainer(id));
  const sites = [];
  for (let site = 0; site < pairs.length; site += 2) sites.push([pairs[site], pairs[site + 1]]);
  await Promise.all(
    sites.map(async ([web, agent]) => {
      const webId = await create(web);
      const [agentId] = await Promise.all([mailerCreated.then(() => create(agent)), engine.startContainer(webId)]);
      await mailerRunning;
      await engine.startContainer(agentId);
    }),
  );
}

const time = async (action) => {
  const start = performance.now();
  await action();
  return performance.now() - start;
};

const times = { docker: [], berth: [] };
removeFarms();
try {
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ['docker', 'berth'] : ['berth', 'docker'];
    for (const side of order) {
      const prefix = `berth-farm-${side}-${process.pid}-${round}`;
      times[side].push(await time(() => (side === 'docker' ? dockerLoop(prefix) : berthScript(prefix))));
      removeFarms();
    }
  }
} finally {
  removeFarms();
}
const docker = median(times.docker);
const berth = median(times.berth);
const containers = 1 + 2 * N;
console.log(`farm of ${N} web+agent pairs and a mailer (${containers} containers), ${ROUNDS} rounds, medians`);
console.log(
  `docker run loop   ${(docker / 1000).toFixed(2).padStart(7)} s  (${(docker / containers).toFixed(0)} ms a container)`,
);
console.log(
  `berth packages    ${(berth / 1000).toFixed(2).padStart(7)} s  (${(berth / containers).toFixed(0)} ms a container)`,
);
console.log(
  `ratio  docker / berth = ${(docker / berth).toFixed(2)}x faster (goal >= ${GOAL}: ${docker / berth >= GOAL ? 'met' : 'NOT met'})`,
);
