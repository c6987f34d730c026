import { useEngine } from '@berth/testkit';
import { beforeAll, expect, it } from 'vitest';
import { berthCli } from '../testing/berth-binary';

const kit = await useEngine();
const hardened = kit.name('audit-hardened');
const open = kit.name('audit-open');

const HARDENED_FLAGS = [
  ...['-u', '65534:65534', '--read-only', '--memory', '64m', '--cpus', '0.5', '--pids-limit', '64'],
  ...['--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '-p', '127.0.0.1::80'],
];
const OPEN_FLAGS = [
  ...['--cap-add', 'SYS_ADMIN', '--pid', 'host', '--security-opt', 'seccomp=unconfined', '-p', '80'],
  ...[
    '-v',
    '/var/run/docker.sock:/var/run/docker.sock',
    '-v',
    '/tmp:/host-tmp',
    '--device',
    '/dev/null:/dev/berth-null',
  ],
];

beforeAll(async () => {
  for (const [name, flags] of [
    [hardened, HARDENED_FLAGS],
    [open, OPEN_FLAGS],
  ] as const) {
    const result = await kit.labelledCli(['create'], ['--name', name, ...flags, 'busybox:1.29', 'true']);
    if (result.exitCode !== 0) throw new Error(`docker create refused: ${result.stderr}`);
  }
});

kit.describe('berth container audit', () => {
  it('finds nothing in a hardened container and passes --fail-on low', async () => {
    const result = await berthCli(['container', 'audit', '--fail-on', 'low', hardened]);
    expect(result).toEqual({
      exitCode: 0,
      stdout: 'CONTAINER   SEVERITY   CHECK     FIELD     FOUND     FIX\n',
      stderr: '',
    });
  });

  it('lists what a wide-open container may do, most severe first, each with its fix', async () => {
    const result = await berthCli(['container', 'audit', '--format', 'json', open]);
    expect(result.exitCode).toBe(0);
    const findings = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, string>);
    expect(findings.map((finding) => `${finding.Severity} ${finding.Check} ${finding.Found}`)).toEqual([
      'critical added-capability CAP_SYS_ADMIN',
      'critical docker-socket /var/run/docker.sock',
      'high host-namespace host',
      'high host-device /dev/null',
      'high seccomp-unconfined seccomp=unconfined',
      'medium root-user ',
      'medium no-memory-limit 0',
      'medium no-new-privileges-missing seccomp=unconfined,label=disable',
      'medium writable-host-bind /tmp:/host-tmp',
      'low writable-rootfs false',
      'low no-pids-limit null',
      'low no-cpu-limit 0',
      'low published-all-interfaces 0.0.0.0:*->80/tcp',
    ]);
    for (const finding of findings) expect(finding).toMatchObject({ Container: open, Fix: expect.any(String) });
  });

  it('gates on --fail-on: exit 1 once a finding is that severe, the table printed all the same', async () => {
    const failing = await berthCli([
      'container',
      'audit',
      '--fail-on',
      'critical',
      '--format',
      '{{.Check}}',
      open,
      hardened,
    ]);
    expect(failing.exitCode).toBe(1);
    expect(failing.stdout.split('\n')[0]).toBe('added-capability');
    expect((await berthCli(['container', 'audit', '--fail-on', 'high', hardened])).exitCode).toBe(0);
  });

  it('refuses an unknown level and reports a missing container as docker reports one', async () => {
    const level = await berthCli(['container', 'audit', '--fail-on', 'severe', open]);
    expect(level.exitCode).toBe(125);
    expect(level.stderr).toMatch(
      /^invalid argument "severe" for "--fail-on" flag: the levels are low, medium, high, critical\n/,
    );
    const missing = await berthCli(['container', 'audit', hardened, 'berth-no-such-container']);
    expect(missing).toMatchObject({
      exitCode: 1,
      stderr: 'Error response from daemon: No such container: berth-no-such-container\n',
    });
  });
});
