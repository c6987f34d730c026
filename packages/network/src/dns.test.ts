import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContainerNetworkError, parseDnsSearch, parseDnsServer, parseExtraHost, parseLink } from './index';

describe('parseDnsServer', () => {
  it.each([
    ['1.1.1.1', '1.1.1.1'],
    ['8.8.8.8', '8.8.8.8'],
    [' 8.8.8.8\t', '8.8.8.8'],
    ['2001:DB8:0:0::1', '2001:db8::1'],
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['\u00a01.1.1.1', '1.1.1.1'],
  ])('%j → %s', (value, expected) => {
    expect(parseDnsServer(value)).toBe(expected);
  });

  // ch.5.5.2: the value must be an IP address.
  it.each(['example.com', '01.1.1.1', '1.1.1', '', 'fe80::1%eth0', '\ufeff1.1.1.1'])('refuses %j', (value) => {
    expect(() => parseDnsServer(value)).toThrowError(
      expect.objectContaining({ code: 'invalid-dns-server', input: value }),
    );
  });
});

describe('parseDnsSearch', () => {
  it.each([
    ['docker.com', 'docker.com'],
    ['docker.com.', 'docker.com'],
    ['.', '.'],
    [' . ', '.'],
    ['a.b ', 'a.b'],
    ['dev.mycompany', 'dev.mycompany'],
    ['x', 'x'],
    ['a1-b2.c3', 'a1-b2.c3'],
    ['xn--n3h.com', 'xn--n3h.com'],
    ['a.b\t', 'a.b'],
    // docker's pattern lets a colon open a label
    [':a', ':a'],
  ])('%j → %s', (value, expected) => {
    expect(parseDnsSearch(value)).toBe(expected);
  });

  it.each(['123', '-bad.com', 'bad-.com', 'a_b.com', 'a..b', '', '..', 'a b', `${'a'.repeat(255)}`, 'é.com'])(
    'refuses %j',
    (value) => {
      expect(() => parseDnsSearch(value)).toThrowError(
        expect.objectContaining({ code: 'invalid-dns-search', input: value }),
      );
    },
  );

  it('returns a domain or throws a ContainerNetworkError for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab1-. :_\t'.split('')) }), (value) => {
        try {
          expect(parseDnsSearch(value)).not.toMatch(/^\s|\s$/);
        } catch (error) {
          expect(error).toBeInstanceOf(ContainerNetworkError);
        }
      }),
    );
  });
});

describe('parseExtraHost', () => {
  it.each([
    ['test:10.10.10.255', 'test:10.10.10.255'],
    ['test=10.10.10.255', 'test:10.10.10.255'],
    ['docker.com:127.0.0.1', 'docker.com:127.0.0.1'],
    ['v6:::1', 'v6:::1'],
    ['v6=::1', 'v6:::1'],
    ['v6:[::2]', 'v6:::2'],
    ['v4=[1.2.3.4]', 'v4:1.2.3.4'],
    ['gw=host-gateway', 'gw:host-gateway'],
    ['gw:host-gateway', 'gw:host-gateway'],
    // checked trimmed, sent as written
    ['e: 1.2.3.4', 'e: 1.2.3.4'],
    ['full:0:0:0:0:0:0:0:1', 'full:0:0:0:0:0:0:0:1'],
  ])('%s → %s', (value, expected) => {
    expect(parseExtraHost(value)).toBe(expected);
  });

  it.each([
    'a',
    ':1.2.3.4',
    '=1.2.3.4',
    'a:b:1.2.3.4',
    'a=localhost',
    'a=[]',
    'a=',
    'a:',
    'a=HOST-GATEWAY',
    'a:b=1.2.3.4',
  ])('refuses %j', (value) => {
    expect(() => parseExtraHost(value)).toThrowError(
      expect.objectContaining({ code: 'invalid-extra-host', input: value }),
    );
  });
});

describe('parseLink', () => {
  it.each([
    ['web', { name: 'web', alias: 'web' }],
    ['web:insideweb', { name: 'web', alias: 'insideweb' }],
    ['/web:/agent/insideweb', { name: 'web', alias: 'insideweb' }],
    ['3f9a1c0d:mysql', { name: '3f9a1c0d', alias: 'mysql' }],
  ])('%s', (value, expected) => {
    expect(parseLink(value)).toEqual(expected);
  });

  it.each(['', 'a:b:c'])('refuses %j', (value) => {
    expect(() => parseLink(value)).toThrowError(expect.objectContaining({ code: 'invalid-link', input: value }));
  });
});
