// `berth images` with 200 images against bare `node -e 0` (goal: at most 1.25× that) and against `docker images`.
// The images are made here from a one-file tar (each import a distinct image), labelled, and removed at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '../apps/cli/dist/bin/bin.js');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 21);
const IMAGES = 200;
const GOAL = 1.25;
const LABEL = `berth.bench=images-${process.pid}`;
const REPO = `berth-bench/images-${process.pid}`;

function wall(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** A tar of one small file: 512 bytes of header, the file, and the two zero blocks that end an archive. */
function tinyTar() {
  const header = Buffer.alloc(512);
  header.write('hello', 0);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write('00000000006\0', 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148);
  header.write('0', 156);
  header.write('ustar\0' + '00', 257);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const body = Buffer.alloc(512);
  body.write('hello\n');
  return Buffer.concat([header, body, Buffer.alloc(1024)]);
}

if (!existsSync(BIN)) throw new Error(`build berth first: ${BIN} is missing`);
const dir = mkdtempSync(join(tmpdir(), 'berth-bench-images-'));
const tar = join(dir, 'rootfs.tar');
writeFileSync(tar, tinyTar());
try {
  for (let index = 0; index < IMAGES; index++) {
    execFileSync('docker', ['import', '-c', `LABEL ${LABEL}`, '-m', String(index), tar, `${REPO}:${index}`], {
      stdio: 'ignore',
    });
  }
  const lines = [
    { name: 'node -e 0', command: process.execPath, args: ['-e', '0'] },
    { name: 'berth images', command: process.execPath, args: [BIN, 'images'] },
    { name: 'docker images', command: 'docker', args: ['images'] },
  ];
  for (const line of lines) wall(line.command, line.args);
  const times = new Map(lines.map((line) => [line, []]));
  for (let round = 0; round < SAMPLES; round++) {
    const order = round % 2 === 0 ? lines : [...lines].reverse();
    for (const line of order) times.get(line).push(wall(line.command, line.args));
  }
  const [bare, berth, docker] = lines.map((line) => median(times.get(line)));
  const listed = execFileSync(process.execPath, [BIN, 'images', '-q'], { encoding: 'utf8' }).split('\n').length - 1;
  console.log(`${SAMPLES} rounds, ${listed} image lines listed, medians of wall time from spawn to exit`);
  for (const line of lines) console.log(`${line.name.padEnd(16)} ${median(times.get(line)).toFixed(1).padStart(7)} ms`);
  const ratio = berth / bare;
  console.log(
    `ratio berth images / node -e 0 = ${ratio.toFixed(2)} (goal <= ${GOAL}: ${ratio <= GOAL ? 'met' : 'NOT met'}); / docker images = ${(berth / docker).toFixed(2)}`,
  );
} finally {
  const ids = execFileSync('docker', ['images', '-q', '--filter', `label=${LABEL}`], { encoding: 'utf8' }).split('\n');
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length > 0) execFileSync('docker', ['rmi', '-f', ...unique], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
}
