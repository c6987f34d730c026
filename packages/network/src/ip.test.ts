import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrContains, cidrCovers, formatIp, ipEquals, isIp, parseCidr, parseIp } from './index';

/** An address Go parses, and how `net.IP.String` prints it. */
const valid: [string, string][] = [
  ['1.2.3.4', '1.2.3.4'],
  ['0.0.0.0', '0.0.0.0'],
  ['255.255.255.255', '255.255.255.255'],
  ['::', '::'],
  ['::1', '::1'],
  ['0:0:0:0:0:0:0:1', '::1'],
  ['2001:DB8:0:0::1', '2001:db8::1'],
  ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
  ['2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:db8::ff00:42:8329'],
  ['fd00:1::', 'fd00:1::'],
  ['1:0:1:0:1:0:1:0', '1:0:1:0:1:0:1:0'],
  ['::ffff:1.2.3.4', '1.2.3.4'],
  ['::ffff:102:304', '1.2.3.4'],
  ['::1.2.3.4', '::102:304'],
  ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
  ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
];

const invalid = [
  '',
  '1.2.3',
  '1.2.3.4.5',
  '01.2.3.4',
  '1.2.3.256',
  '1..2.3',
  '.1.2.3',
  '1.2.3.',
  ' 1.2.3.4',
  '1.2.3.4 ',
  'localhost',
  ':::',
  '1::2::3',
  '1:2:3:4:5:6:7:8:9',
  '1:2:3:4:5:6:7',
  '1:2:3:4:5:6:7:8::',
  '12345::',
  '00000::1',
  'fe80::1%eth0',
  '::1%',
  '%eth0',
  ':1',
  '1:',
  '::ffff:01.2.3.4',
  '1.2.3.4::',
  '1:2:3:4:5:6:7:1.2.3.4',
  'g::1',
];

describe('parseIp and formatIp', () => {
  it.each(valid)('%s prints as %s', (text, printed) => {
    const ip = parseIp(text);
    expect(ip).toBeDefined();
    if (ip) expect(formatIp(ip)).toBe(printed);
  });

  it.each(invalid)('refuses %j', (text) => {
    expect(parseIp(text)).toBeUndefined();
    expect(isIp(text)).toBe(false);
  });

  it('reads back every IPv4 address it prints', () => {
    fc.assert(
      fc.property(fc.ipV4(), (text) => {
        const ip = parseIp(text);
        expect(ip && formatIp(ip)).toBe(text);
      }),
    );
  });

  it('reads back every IPv6 address it prints, to the same bytes', () => {
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        const ip = parseIp(text);
        expect(ip).toBeDefined();
        if (!ip) return;
        const again = parseIp(formatIp(ip));
        expect(again && ipEquals(again, ip)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('prints 16 random bytes in the shortest form, which reads back to them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const text = formatIp({ bytes: [...bytes], dotted: false });
        expect(text).not.toMatch(/(^|:)0[0-9a-f]/);
        expect(text.split('::').length).toBeLessThanOrEqual(2);
        const ip = parseIp(text);
        expect(ip && [...ip.bytes.slice(12)]).toEqual([...bytes.slice(12)]);
      }),
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF.:%'.split('')) }), (text) => {
        parseIp(text);
      }),
    );
  });
});

describe('parseCidr', () => {
  it.each([
    ['10.0.42.0/24', 32, 24],
    ['10.0.42.5/24', 32, 24],
    ['0.0.0.0/0', 32, 0],
    ['10.0.0.0/024', 32, 24],
    ['fd00::/64', 128, 64],
    ['::ffff:10.0.0.0/104', 128, 104],
  ])('%s', (text, bits, prefixLength) => {
    expect(parseCidr(text)).toMatchObject({ bits, prefixLength });
  });

  it.each(['10.0.42.0', '10.0.42.0/33', '10.0.42.0/', '10.0.42.0/+8', '10.0.42.0/8a', 'fd00::/129', 'x/8', '/8'])(
    'refuses %j',
    (text) => {
      expect(parseCidr(text)).toBeUndefined();
    },
  );

  it.each([
    ['10.0.42.0/24', '10.0.42.255', true],
    ['10.0.42.7/24', '10.0.42.1', true],
    ['10.0.42.0/24', '10.0.43.1', false],
    ['10.0.42.0/24', '::ffff:10.0.42.1', true],
    ['10.0.42.0/24', 'fd00::1', false],
    ['fd00::/64', 'fd00::1', true],
    ['fd00::/64', 'fd01::1', false],
    ['fd00::/64', '10.0.42.1', false],
    ['0.0.0.0/0', '1.2.3.4', true],
  ])('%s contains %s: %s', (cidr, ip, expected) => {
    const block = parseCidr(cidr);
    const address = parseIp(ip);
    expect(block && address && cidrContains(block, address)).toBe(expected);
  });

  it('covers a block only when the other one lies wholly inside it', () => {
    const subnet = parseCidr('10.0.42.0/24');
    const inside = parseCidr('10.0.42.128/25');
    const wider = parseCidr('10.0.42.0/16');
    if (!subnet || !inside || !wider) throw new TypeError('fixture');
    expect(cidrCovers(subnet, inside)).toBe(true);
    expect(cidrCovers(subnet, subnet)).toBe(true);
    expect(cidrCovers(subnet, wider)).toBe(false);
  });

  it('puts every address of a block inside it', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), fc.ipV4(), (base, length, other) => {
        const block = parseCidr(`${base}/${length}`);
        const ip = parseIp(base);
        expect(block && ip && cidrContains(block, ip)).toBe(true);
        const otherIp = parseIp(other);
        const sameTop = base.split('.')[0] === other.split('.')[0];
        if (block && otherIp && length <= 8 && sameTop) expect(cidrContains(block, otherIp)).toBe(true);
      }),
    );
  });
});
