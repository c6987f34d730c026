import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NetworkFilterError, parseNetworkFilters } from './network-filters';

describe('parseNetworkFilters', () => {
  it.each<[string[], 'ls' | 'prune', Record<string, string[]>]>([
    [['driver=bridge'], 'ls', { driver: ['bridge'] }],
    [['label=project=dockerinaction', 'label=chapter'], 'ls', { label: ['project=dockerinaction', 'chapter'] }],
    [[' NAME = user-network ', 'name=user-network'], 'ls', { name: ['user-network'] }],
    [['type=custom', 'scope=local', 'id=abc'], 'ls', { type: ['custom'], scope: ['local'], id: ['abc'] }],
    [['dangling=TRUE', 'dangling=0'], 'ls', { dangling: ['TRUE', '0'] }],
    [['label!=keep', 'until=24h'], 'prune', { 'label!': ['keep'], until: ['24h'] }],
    [[''], 'prune', {}],
    [[], 'ls', {}],
  ])('%j for %s', (values, command, filters) => {
    expect(parseNetworkFilters(values, command)).toEqual(filters);
  });

  it.each<[string, 'ls' | 'prune', 'invalid-filter' | 'filter-syntax']>([
    ['driver', 'ls', 'filter-syntax'],
    ['until=1h', 'ls', 'invalid-filter'],
    ['driver=bridge', 'prune', 'invalid-filter'],
    ['dangling=yes', 'ls', 'invalid-filter'],
    ['type=other', 'ls', 'invalid-filter'],
  ])('refuses %s for %s', (value, command, code) => {
    const attempt = () => parseNetworkFilters([value], command);
    expect(attempt).toThrow(NetworkFilterError);
    expect(attempt).toThrow(expect.objectContaining({ code, input: value }));
  });

  it('keeps every accepted label filter once, whatever the repetitions', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z][a-z0-9=.-]{0,12}$/), { maxLength: 8 }), (labels) => {
        const filters = parseNetworkFilters(
          labels.flatMap((label) => [`label=${label}`, `label=${label}`]),
          'prune',
        );
        expect(filters.label ?? []).toEqual([...new Set(labels)]);
      }),
    );
  });
});
