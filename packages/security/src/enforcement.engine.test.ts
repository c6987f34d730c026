import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useEngine } from '@berth/testkit';
import type { ContainerCreateRequest } from '@berth/types';
import { afterAll, expect, it } from 'vitest';
import { capabilityMask, effectiveCapabilities } from './capabilities';
import { readFile } from './node';
import { parseSecurityFlags, type SecurityFlags } from './security-flags';

// What the kernel enforces (ch. 6.3–6.6), read from inside containers made from this package's parser output.

const kit = await useEngine();
const BUSYBOX = 'busybox:1.29';

function request(
  flags: SecurityFlags,
  cmd: string[],
  extra: Partial<ContainerCreateRequest> = {},
): ContainerCreateRequest {
  const fragment = parseSecurityFlags(flags, { readFile });
  return {
    Image: BUSYBOX,
    Cmd: cmd,
    ...extra,
    ...fragment,
    HostConfig: { ...extra.HostConfig, ...fragment.HostConfig },
  };
}

/** Creates the container through the API, runs it to the end and returns its exit code and combined output. */
async function run(body: ContainerCreateRequest): Promise<{ exitCode: number; output: string }> {
  const { Id } = await kit.createViaApi(body);
  const container = kit.docker.getContainer(Id);
  await container.start();
  const { StatusCode } = (await container.wait()) as { StatusCode: number };
  return { exitCode: StatusCode, output: await kit.logs(Id) };
}

async function start(body: ContainerCreateRequest, name: string): Promise<string> {
  const { Id } = await kit.createViaApi(body, name);
  await kit.docker.getContainer(Id).start();
  return name;
}

/** Promise.all that waits for every container before failing, so none is still being made after cleanup. */
async function settled<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const outcomes = await Promise.allSettled(promises);
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

function statusField(output: string, field: string): string {
  const match = new RegExp(`^${field}:\\s*(\\S+)`, 'm').exec(output);
  if (!match?.[1]) throw new Error(`no ${field} in:\n${output}`);
  return match[1];
}

const capEff = (output: string) => BigInt(`0x${statusField(output, 'CapEff')}`);
const bit = (mask: bigint, n: number) => (mask >> BigInt(n)) & 1n;

// A privileged container gets every capability the engine knows; where this machine's own bounding set lacks one
// (some sandboxes drop CAP_SYS_RESOURCE), runc cannot apply them and the container cannot start at all.
const everyCapability = capabilityMask(effectiveCapabilities({ Privileged: true }));
const hostBounding = BigInt(`0x${statusField(readFileSync('/proc/self/status', 'utf8'), 'CapBnd')}`);
const hostGrantsEveryCapability = (hostBounding & everyCapability) === everyCapability;

const dir = mkdtempSync(join(tmpdir(), 'berth-security-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

kit.describe('what the kernel enforces', () => {
  it('--cap-drop net_raw clears bit 13 of CapEff, --cap-add sys_admin sets bit 21 (ch. 6.4)', async () => {
    const status = ['grep', 'Cap', '/proc/self/status'];
    const [plain, dropped, added] = await settled([
      run(request({}, status)),
      run(request({ capDrop: ['net_raw'] }, status)),
      run(request({ capAdd: ['sys_admin'] }, status)),
    ]);
    expect(bit(capEff(plain.output), 13)).toBe(1n);
    expect(bit(capEff(plain.output), 21)).toBe(0n);
    expect(bit(capEff(dropped.output), 13)).toBe(0n);
    expect(bit(capEff(added.output), 21)).toBe(1n);
    // and the whole mask is what effectiveCapabilities predicts
    expect(capEff(plain.output)).toBe(capabilityMask(effectiveCapabilities({})));
    expect(capEff(dropped.output)).toBe(capabilityMask(effectiveCapabilities({ CapDrop: ['CAP_NET_RAW'] })));
    expect(capEff(added.output)).toBe(capabilityMask(effectiveCapabilities({ CapAdd: ['CAP_SYS_ADMIN'] })));
  });

  // one of the two tests below, chosen by what this machine can grant, so that neither is reported as skipped
  const itWhereGranted = hostGrantsEveryCapability ? it : () => undefined;
  const itWhereLacking = hostGrantsEveryCapability ? () => undefined : it;

  itWhereGranted('--privileged gives a full CapEff and the host’s devices (ch. 6.5)', async () => {
    const cmd = ['sh', '-c', 'grep CapEff /proc/self/status; ls /dev | wc -l'];
    const [privileged, plain] = await settled([run(request({ privileged: true }, cmd)), run(request({}, cmd))]);
    expect(capEff(privileged.output)).toBe(everyCapability);
    const devices = (output: string) => Number(output.trim().split('\n').at(-1));
    expect(devices(privileged.output)).toBeGreaterThan(devices(plain.output) + 10);
  });

  itWhereLacking('--privileged asks this machine for capabilities it lacks, as docker does', async () => {
    const { Id } = await kit.createViaApi(request({ privileged: true }, ['true']));
    const ours = await kit.docker
      .getContainer(Id)
      .start()
      .then(
        () => 'started',
        (error: Error) => error.message,
      );
    const docker = await kit.labelledCli(['run', '--rm'], ['--privileged', BUSYBOX, 'true']);
    expect(docker.exitCode).not.toBe(0);
    expect(ours).toContain('unable to apply caps');
    expect(docker.stderr).toContain('unable to apply caps');
  });

  it('-u nobody runs as uid 65534, -u 10000:20000 as ids the image does not name (ch. 6.3.1)', async () => {
    const [nobody, numeric] = await settled([
      run(request({ user: 'nobody' }, ['id'])),
      run(request({ user: '10000:20000' }, ['id'])),
    ]);
    expect(nobody.output).toMatch(/^uid=65534\(nobody\) gid=65534\(nogroup\)/);
    expect(numeric.output).toMatch(/^uid=10000 gid=20000/);
  });

  it('a root-only file on a bind mount is refused to nobody and read by root (ch. 6.3.2)', async () => {
    const garbage = join(dir, 'garbage');
    writeFileSync(garbage, 'e=mc²\n');
    chmodSync(garbage, 0o600);
    const bind = { HostConfig: { Binds: [`${garbage}:/test/garbage`] } };
    const [asNobody, asRoot] = await settled([
      run(request({ user: 'nobody' }, ['cat', '/test/garbage'], bind)),
      run(request({ user: 'root' }, ['cat', '/test/garbage'], bind)),
    ]);
    expect(asNobody.exitCode).not.toBe(0);
    expect(asNobody.output).toContain('Permission denied');
    expect(asRoot).toEqual({ exitCode: 0, output: 'e=mc²\n' });
  });

  it('--security-opt no-new-privileges sets NoNewPrivs (ch. 6.6.1)', async () => {
    const status = ['grep', 'NoNewPrivs', '/proc/self/status'];
    const [plain, hardened] = await settled([
      run(request({}, status)),
      run(request({ securityOpt: ['no-new-privileges'] }, status)),
    ]);
    expect(statusField(plain.output, 'NoNewPrivs')).toBe('0');
    expect(statusField(hardened.output, 'NoNewPrivs')).toBe('1');
  });

  it('a seccomp profile file that denies mkdir makes mkdir fail (ch. 6.6.1)', async () => {
    const profile = join(dir, 'deny-mkdir.json');
    writeFileSync(
      profile,
      JSON.stringify(
        {
          defaultAction: 'SCMP_ACT_ALLOW',
          syscalls: [{ names: ['mkdir', 'mkdirat'], action: 'SCMP_ACT_ERRNO' }],
        },
        null,
        2,
      ),
    );
    const cmd = ['mkdir', '/tmp/made'];
    const [plain, confined] = await settled([
      run(request({}, cmd)),
      run(request({ securityOpt: [`seccomp=${profile}`] }, cmd)),
    ]);
    expect(plain).toEqual({ exitCode: 0, output: '' });
    expect(confined.exitCode).not.toBe(0);
    expect(confined.output).toContain('Operation not permitted');
  });

  it('--ipc shareable + --ipc container:<producer> share a message queue; a private consumer reads none (ch. 6.2.1)', async () => {
    const ipc = (flags: SecurityFlags, role: string) => ({
      ...request(flags, [role]),
      Image: 'berth-fixtures/ipc',
    });
    const producer = await start(ipc({ user: 'nobody', ipc: 'shareable' }, '-producer'), kit.name('sec-producer'));
    await kit.waitForLog(producer, 'Produced: Message 1');
    const [joined, apart] = await settled([
      start(ipc({ user: 'nobody', ipc: `container:${producer}` }, '-consumer'), kit.name('sec-joined')),
      start(ipc({ user: 'nobody' }, '-consumer'), kit.name('sec-apart')),
    ]);
    await kit.waitForLog(joined, 'Consumed: Message');
    await kit.waitForLog(producer, 'Produced: Message 3');
    const apartLog = await kit.logs(apart);
    expect(apartLog).toContain('Consumer started');
    expect(apartLog).not.toContain('Consumed');
  });

  it('--pid host shows the host’s processes, the daemon among them', async () => {
    const [host, own] = await settled([
      run(request({ pid: 'host' }, ['ps', '-o', 'comm'])),
      run(request({}, ['ps', '-o', 'comm'])),
    ]);
    expect(host.output.split('\n')).toContain('dockerd');
    expect(own.output.trim().split('\n')).toEqual(['COMMAND', 'ps']);
  });
});
