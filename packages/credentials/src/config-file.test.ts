import { describe, expect, it } from 'vitest';
import {
  configDirectory,
  credentialKey,
  DOCKER_HUB_KEY,
  helperFor,
  hostnameOf,
  parseConfigFile,
  serializeConfigFile,
} from './index';

describe('configDirectory', () => {
  it('is $DOCKER_CONFIG, else ~/.docker', () => {
    expect(configDirectory({ DOCKER_CONFIG: '/etc/d' }, '/root')).toBe('/etc/d');
    expect(configDirectory({ DOCKER_CONFIG: '' }, '/root/')).toBe('/root/.docker');
    expect(configDirectory({}, '/home/u')).toBe('/home/u/.docker');
  });
});

describe('parseConfigFile / serializeConfigFile', () => {
  it('reads an empty file as an empty config', () => {
    expect(parseConfigFile('  \n', '/c.json')).toEqual({});
  });

  it.each(['{', '[]', '3'])('refuses %s with the path', (text) => {
    expect(() => parseConfigFile(text, '/c.json')).toThrow(
      expect.objectContaining({ code: 'config-invalid', input: '/c.json' }),
    );
  });

  it('writes tab-indented JSON with auths first and no final newline, keeping other keys', () => {
    const text = serializeConfigFile({ psFormat: 'x', auths: { 'localhost:5000': { auth: 'YTpi' } } });
    expect(text).toBe(
      '{\n\t"auths": {\n\t\t"localhost:5000": {\n\t\t\t"auth": "YTpi"\n\t\t}\n\t},\n\t"psFormat": "x"\n}',
    );
    expect(serializeConfigFile({})).toBe('{\n\t"auths": {}\n}');
  });
});

describe('helperFor', () => {
  it('takes credHelpers for the server first, then credsStore, else the file', () => {
    const config = { credsStore: 'desktop', credHelpers: { 'localhost:5000': 'pass' } };
    expect(helperFor(config, 'localhost:5000')).toBe('pass');
    expect(helperFor(config, 'localhost:5001')).toBe('desktop');
    expect(helperFor({ credsStore: '' }, 'localhost:5001')).toBeUndefined();
  });
});

describe('credentialKey', () => {
  it.each([
    ['docker.io', DOCKER_HUB_KEY],
    ['', DOCKER_HUB_KEY],
    ['index.docker.io', DOCKER_HUB_KEY],
    ['https://index.docker.io/v1/', DOCKER_HUB_KEY],
    ['localhost:5000', 'localhost:5000'],
    ['http://localhost:5000/v2/', 'localhost:5000'],
    ['https://quay.io', 'quay.io'],
  ])('%s → %s', (server, key) => {
    expect(credentialKey(server)).toBe(key);
  });

  it('hostnameOf drops the scheme and the path', () => {
    expect(hostnameOf('https://[::1]:5000/v2/')).toBe('[::1]:5000');
  });
});
