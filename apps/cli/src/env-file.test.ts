import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parity } from './testing/parity';

const dir = mkdtempSync(join(tmpdir(), 'berth-env-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The CLI hands run-args the file's bytes, so a UTF-16 env file is refused before any engine call, as docker does.
describe('an env file that is not UTF-8', () => {
  it('a UTF-16 env file with a BOM: exit 125 and docker message', async () => {
    const file = join(dir, 'utf16.env');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('A=1\n', 'utf16le')]));
    const { docker, berth } = await parity(['run', '--env-file', file, 'busybox:1.29', 'true']);
    expect(docker.exitCode).toBe(125);
    expect(berth).toEqual(docker);
  });
});
