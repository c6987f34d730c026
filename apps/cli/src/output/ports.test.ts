import { describe, expect, it } from 'vitest';
import { displayablePorts, type PortSummary } from './ports';

const tcp = (PrivatePort: number, IP?: string, PublicPort?: number): PortSummary => ({
  PrivatePort,
  Type: 'tcp',
  ...(IP === undefined ? {} : { IP }),
  ...(PublicPort === undefined ? {} : { PublicPort }),
});

describe('displayablePorts', () => {
  it('is empty without ports', () => {
    expect(displayablePorts([])).toBe('');
  });

  it('lists a mapping on both address families', () => {
    expect(displayablePorts([tcp(80, '::', 8080), tcp(80, '0.0.0.0', 8080)])).toBe(
      '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp',
    );
  });

  it('folds exposed ports and same-number mappings into ranges', () => {
    expect(displayablePorts([tcp(81), tcp(80), tcp(82), tcp(90)])).toBe('80-82/tcp, 90/tcp');
    expect(
      displayablePorts([tcp(8000, '127.0.0.1', 8000), tcp(8001, '127.0.0.1', 8001), tcp(8002, '127.0.0.1', 8002)]),
    ).toBe('127.0.0.1:8000-8002->8000-8002/tcp');
  });

  it('puts mappings to other host ports last, in container-port order', () => {
    expect(
      displayablePorts([
        tcp(80, '127.0.0.1', 9001),
        tcp(443),
        { PrivatePort: 53, Type: 'udp' },
        tcp(22, '127.0.0.1', 2222),
      ]),
    ).toBe('53/udp, 443/tcp, 127.0.0.1:2222->22/tcp, 127.0.0.1:9001->80/tcp');
  });
});
