// @berth/template against Go's text/template doing the same work, timed inside the Go oracle program
// (packages/template/oracle) in the same run: parse + execute `table {{.ID}}\t{{.Image}}\t{{.Status}}` over 1,000
// ps rows through docker's tabwriter layout, and `{{json .}}` over 1,000 inspect documents. Goal: within 2x of Go.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dockerFunctions, formatRows, parseTemplate } from '@berth/template';

const BLOCKS = 8;
const ROUNDS = 15;
const oracleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'template', 'oracle');

const rows = Array.from({ length: 1000 }, (_, i) => ({
  Command: '"/bin/sh -c \'while…"',
  CreatedAt: '2024-05-01 10:11:12 +0000 UTC',
  ID: (0x4f66ad9a0b2e + i * 7919).toString(16).slice(0, 12),
  Image: i % 3 === 0 ? 'busybox:1.29' : i % 3 === 1 ? 'localhost:5000/berth/web:1.0' : 'nginx:latest',
  Names: `web-${i}`,
  Ports: '0.0.0.0:8080->80/tcp',
  Status: i % 5 === 0 ? `Exited (${i % 7}) ${i} minutes ago` : `Up ${i % 60} minutes`,
}));

const inspect = Array.from({ length: 1000 }, (_, i) => ({
  Id: `${i.toString(16).padStart(8, '0')}4f66ad9a0b2e3f3c8f0e6d6a1b2c3d4e5f60718293a4b5c6d7e8f9`,
  Created: '2024-05-01T10:11:12.123456789Z',
  Path: '/bin/sh',
  Args: ['-c', 'while true; do sleep 1; done'],
  State: {
    Status: 'running',
    Running: true,
    Paused: false,
    Pid: 4242 + i,
    ExitCode: 0,
    StartedAt: '2024-05-01T10:11:13Z',
  },
  Image: 'sha256:6d9ac9237a84afe1516540f40a0fafdc86859b2141954b4d643af7066d598b74',
  Name: `/web-${i}`,
  RestartCount: i % 4,
  HostConfig: {
    Binds: ['/srv/data:/data:ro'],
    NetworkMode: 'bridge',
    PortBindings: { '80/tcp': [{ HostIp: '', HostPort: String(8000 + i) }] },
    RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 5 },
    Memory: 268435456,
    NanoCpus: 1500000000,
  },
  Mounts: [{ Type: 'bind', Source: '/srv/data', Destination: '/data', Mode: 'ro', RW: false, Propagation: 'rprivate' }],
  Config: {
    Hostname: 'web',
    Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `INSTANCE=${i}`],
    Cmd: ['/bin/sh', '-c', 'while true; do sleep 1; done'],
    Image: 'busybox:1.29',
    Labels: { 'com.example.team': 'web', 'com.example.index': String(i) },
  },
  NetworkSettings: {
    IPAddress: `172.17.${i >> 8}.${i & 255}`,
    Networks: { bridge: { IPAddress: `172.17.${i >> 8}.${i & 255}`, Gateway: '172.17.0.1', Aliases: null } },
  },
}));

const headers = { ID: 'CONTAINER ID', Image: 'IMAGE', Status: 'STATUS' };
const workloads = {
  table: () => formatRows('table {{.ID}}\t{{.Image}}\t{{.Status}}', rows, { headers }).length,
  json: () => {
    const template = parseTemplate('{{json .}}', { functions: dockerFunctions });
    let out = '';
    for (const doc of inspect) out += `${template.execute(doc)}\n`;
    return out.length;
  },
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeJs(work) {
  let sink = 0;
  const times = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    sink += work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  if (sink === 0.5) console.log(sink); // keeps the work observable
  return median(times);
}

const binary = join(oracleDir, 'oracle-bench.bin');
const built = spawnSync('go', ['build', '-o', binary, '.'], { cwd: oracleDir, encoding: 'utf8' });
const haveGo = !built.error && built.status === 0;
const goInput = JSON.stringify({ rows, inspect, rounds: ROUNDS });

function timeGo() {
  const run = spawnSync(binary, ['-bench'], { input: goInput, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`the Go oracle failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

// Blocks that each time Go, then JavaScript, back to back, so that a busy machine slows both alike.
for (let i = 0; i < 10; i++) {
  workloads.table();
  workloads.json();
}
const figures = { table: { js: [], go: [], ratio: [] }, json: { js: [], go: [], ratio: [] } };
try {
  for (let block = 0; block < BLOCKS; block++) {
    const go = haveGo ? timeGo() : undefined;
    for (const key of ['table', 'json']) {
      const js = timeJs(workloads[key]);
      figures[key].js.push(js);
      if (go !== undefined) {
        figures[key].go.push(go[key]);
        figures[key].ratio.push(js / go[key]);
      }
    }
  }
} finally {
  if (haveGo) rmSync(binary, { force: true });
}

const labels = {
  table: 'parse + execute `table {{.ID}}\\t{{.Image}}\\t{{.Status}}` over 1,000 rows',
  json: 'parse + execute `{{json .}}` over 1,000 inspect documents',
};
console.log(`@berth/template against Go 1.19 text/template (${BLOCKS} blocks x ${ROUNDS} rounds, medians)`);
if (!haveGo) console.log('  Go is not installed (apt-get install golang-go): only the JavaScript figures are printed');
let worst = 0;
for (const key of ['table', 'json']) {
  const f = figures[key];
  console.log(`  ${labels[key]}`);
  console.log(`    @berth/template   ${median(f.js).toFixed(2)} ms`);
  if (haveGo) {
    const ratio = median(f.ratio);
    worst = Math.max(worst, ratio);
    console.log(`    Go text/template  ${median(f.go).toFixed(2)} ms`);
    console.log(`    ratio ${ratio.toFixed(2)}x Go's time (median of the per-block ratios)`);
  }
}
if (haveGo) console.log(worst <= 2 ? 'goal (within 2x of Go) met' : 'goal (within 2x of Go) NOT met');
