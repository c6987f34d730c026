// --platform as the docker CLI sends it: the create request's `platform` query, recorded on its way to the engine
// (inspect does not show it), against what parsePlatform + formatPlatform make of the same value on this machine.
import { recordRequests, useEngine } from '@berth/testkit';
import { expect, it } from 'vitest';
import { formatPlatform, parsePlatform } from './platform';

const kit = await useEngine();

const VALUES = [
  'x86_64',
  'LINUX',
  'amd64',
  'linux/amd64/v1',
  'linux/aarch64',
  'linux/arm/7',
  'linux/armhf',
  'linux/arm64/8',
  'macos/arm64',
  'i386',
  'windows(10.0.17763)/AMD64',
];

kit.describe('--platform against the docker CLI', () => {
  it.concurrent.each(VALUES)('%s is sent as berth sends it', async (value) => {
    const recorder = await recordRequests(kit.docker);
    try {
      await kit.labelledCli(['create'], ['--platform', value, 'busybox:1.29', 'true'], {
        env: { DOCKER_HOST: recorder.host },
      });
    } finally {
      await recorder.close();
    }
    const create = recorder.requests.find(
      ({ method, url }) => method === 'POST' && url.pathname.endsWith('/containers/create'),
    );
    expect(create?.url.searchParams.get('platform')).toBe(formatPlatform(parsePlatform(value)));
  });
});
