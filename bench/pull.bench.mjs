// A 100 MB image from the local registry (scripts/engine.sh's 127.0.0.1:5001): `berth pull` wall time against
// `docker pull` (goal: at most docker's), and `berth save` / `berth load` throughput against docker's with berth's
// peak RSS (goal: at least docker's throughput, under 100 MB: archives are streamed). Each pull starts with the
// image removed; everything made here is labelled and removed at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '../apps/cli/dist/bin/bin.js');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 3);
const LABEL = `berth.bench=pull-${process.pid}`;
const IMAGE = `localhost:5001/berth-bench/pull-${process.pid}:100mb`;
const RSS_GOAL_KB = 100 * 1024;

/** Wall time and peak RSS of one command, through GNU time. */
function measure(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, rssKb: Number(result.stderr.trim().split('\n').at(-1)) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const docker = (...args) => execFileSync('docker', args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
const removeImage = () => spawnSync('docker', ['rmi', '-f', IMAGE], { stdio: 'ignore' });

if (!existsSync(BIN)) throw new Error(`build berth first: ${BIN} is missing`);
const dir = mkdtempSync(join(tmpdir(), 'berth-bench-pull-'));
try {
  writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox:1.29\nRUN head -c 100000000 /dev/urandom > /blob\n');
  docker('build', '-q', '--label', LABEL, '-t', IMAGE, dir);
  docker('push', IMAGE);
  const pulls = { docker: [], berth: [] };
  for (let round = 0; round < SAMPLES; round++) {
    for (const side of round % 2 === 0 ? ['docker', 'berth'] : ['berth', 'docker']) {
      removeImage();
      const args =
        side === 'docker' ? ['docker', ['pull', '-q', IMAGE]] : [process.execPath, [BIN, 'pull', '-q', IMAGE]];
      pulls[side].push(measure(...args).ms);
    }
  }
  const archive = join(dir, 'image.tar');
  const rounds = { 'docker save': [], 'berth save': [], 'docker load': [], 'berth load': [] };
  let berthRss = 0;
  for (let round = 0; round < SAMPLES; round++) {
    for (const side of ['docker', 'berth']) {
      const cli = side === 'docker' ? ['docker', []] : [process.execPath, [BIN]];
      rounds[`${side} save`].push(measure(cli[0], [...cli[1], 'save', '-o', archive, IMAGE]));
      rounds[`${side} load`].push(measure(cli[0], [...cli[1], 'load', '-q', '-i', archive]));
    }
  }
  const size = statSync(archive).size;
  console.log(`${SAMPLES} rounds; image ${(size / 1e6).toFixed(1)} MB as an archive; medians`);
  const [dockerPull, berthPull] = [median(pulls.docker), median(pulls.berth)];
  console.log(`docker pull      ${dockerPull.toFixed(0).padStart(7)} ms`);
  console.log(`berth pull       ${berthPull.toFixed(0).padStart(7)} ms`);
  console.log(
    `ratio berth pull / docker pull = ${(berthPull / dockerPull).toFixed(2)} (goal <= 1: ${berthPull <= dockerPull ? 'met' : 'NOT met'})`,
  );
  for (const step of ['save', 'load']) {
    const of = (side) => rounds[`${side} ${step}`];
    const throughput = (side) => size / 1e6 / (median(of(side).map((run) => run.ms)) / 1000);
    const rss = Math.max(...of('berth').map((run) => run.rssKb));
    berthRss = Math.max(berthRss, rss);
    console.log(
      `${step}: docker ${throughput('docker').toFixed(0)} MB/s, berth ${throughput('berth').toFixed(0)} MB/s (goal >= docker's: ${throughput('berth') >= throughput('docker') ? 'met' : 'NOT met'}); berth peak RSS ${(rss / 1024).toFixed(0)} MB`,
    );
  }
  console.log(`goal   berth peak RSS < ${RSS_GOAL_KB / 1024} MB: ${berthRss < RSS_GOAL_KB ? 'met' : 'NOT met'}`);
} finally {
  removeImage();
  rmSync(dir, { recursive: true, force: true });
}
