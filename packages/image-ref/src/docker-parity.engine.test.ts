import { useEngine } from '@berth/testkit';
import { expect, it } from 'vitest';
import { parseNormalizedReference } from './index';

const kit = await useEngine();

const sha256 = `sha256:${'ab'.repeat(32)}`;
// Inputs near every rule's edge; docker is asked about each one and must agree with berth.
const inputs = [
  'busybox',
  'busybox:1.29',
  'quay.io/dockerinaction/ch3_hello_registry:latest',
  'dia_ch3/dockerfile:latest',
  'localhost:5000/berth/web',
  'localhost:5000',
  '[::1]:5000/berth/web:1',
  '[2001:db8::1]/repo',
  '[fe80::1%eth0]:5000/repo',
  '[::1]',
  'Foo/bar',
  'foo_bar.com/x',
  'Foo_bar/x',
  'UPPER',
  'docker/Docker',
  'ubuntu:Tag',
  `busybox@${sha256}`,
  `busybox:1@${sha256}`,
  `busybox@sha384:${'ab'.repeat(48)}`,
  `busybox@sha512:${'ab'.repeat(64)}`,
  `busybox@md5:${'ab'.repeat(16)}`,
  `busybox@sha256:${'AB'.repeat(32)}`,
  `busybox@sha256:${'ab'.repeat(20)}`,
  'ab'.repeat(32),
  `docker.io/${'ab'.repeat(32)}`,
  'a'.repeat(247),
  'a'.repeat(248),
  `example.com/${'a'.repeat(255)}`,
  `example.com/${'a'.repeat(256)}`,
  'dock__er/docker',
  'dock___er/docker',
  'docker---rules/docker',
  '-docker',
  'docker//docker',
  `busybox:${'t'.repeat(128)}`,
  `busybox:${'t'.repeat(129)}`,
  'busybox:-tag',
  'sha256:abc',
  'https://github.com/docker/docker',
  '',
];

/** What `docker tag` makes of the target: parsed (then there is no such source image) or refused. */
async function dockerReads(target: string): Promise<'refused' | 'name' | 'digest'> {
  const { stderr } = await kit.cli(['tag', 'berth-image-ref-missing-source:0', target]);
  if (stderr.includes('refusing to create a tag with a digest reference')) return 'digest';
  if (stderr.includes('No such image')) return 'name';
  expect(stderr).toContain('Error parsing reference');
  return 'refused';
}

function berthReads(target: string): 'refused' | 'name' | 'digest' {
  try {
    return parseNormalizedReference(target).digest === undefined ? 'name' : 'digest';
  } catch {
    return 'refused';
  }
}

kit.describe('parity with the docker CLI', () => {
  it('accepts and refuses the same targets as `docker tag`', async () => {
    const docker: Record<string, string> = {};
    const pending = [...inputs];
    // Four CLI calls at a time; `docker tag` of a missing source image changes nothing on the engine.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let input = pending.shift(); input !== undefined; input = pending.shift()) {
          docker[input] = await dockerReads(input);
        }
      }),
    );
    const berth = Object.fromEntries(inputs.map((input) => [input, berthReads(input)]));
    expect(berth).toEqual(docker);
  });
});
