import { RunArgsError } from './errors';

/** An OCI platform as `--platform` names it: `os/arch[/variant]`. */
export interface Platform {
  os: string;
  arch: string;
  variant?: string;
}

// the operating system part may carry a version in brackets, `windows(10.0.17763)`; each other part is one word
const OS_PART = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?$/;
const PART = /^[A-Za-z0-9_-]+$/;

const KNOWN_OS = new Set(
  'aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris windows zos'.split(
    ' ',
  ),
);
const KNOWN_ARCH = new Set(
  [
    '386 amd64 amd64p32 arm armbe arm64 arm64be ppc64 ppc64le loong64 mips mipsle mips64 mips64le mips64p32',
    'mips64p32le ppc riscv riscv64 s390 s390x sparc sparc64 wasm',
  ]
    .join(' ')
    .split(' '),
);

function invalid(value: string, message: string): RunArgsError {
  return new RunArgsError('invalid-platform', value, message);
}

/** The aliases Go tools accept for an architecture, and the variants that mean the default one. */
function normalizeArch(arch: string, variant: string): { arch: string; variant: string } {
  const lowerArch = arch.toLowerCase();
  const lowerVariant = variant.toLowerCase();
  switch (lowerArch) {
    case 'i386':
      return { arch: '386', variant: '' };
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return { arch: 'amd64', variant: lowerVariant === 'v1' ? '' : lowerVariant };
    case 'aarch64':
    case 'arm64':
      return { arch: 'arm64', variant: ['8', 'v8'].includes(lowerVariant) ? '' : lowerVariant };
    case 'armhf':
      return { arch: 'arm', variant: 'v7' };
    case 'armel':
      return { arch: 'arm', variant: 'v6' };
    case 'arm':
      if (lowerVariant === '' || lowerVariant === '7') return { arch: 'arm', variant: 'v7' };
      return { arch: 'arm', variant: ['5', '6', '8'].includes(lowerVariant) ? `v${lowerVariant}` : lowerVariant };
    default:
      return { arch: lowerArch, variant: lowerVariant };
  }
}

const GOOS: Record<string, string> = { win32: 'windows', sunos: 'solaris' };
const GOARCH: Record<string, string> = { x64: 'amd64', ia32: '386', mipsel: 'mipsle' };

function littleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

/**
 * The platform of the machine berth runs on, in Go's words (`process.platform` and `process.arch` translated);
 * undefined outside Node, where there is no such machine to ask.
 */
export function hostPlatform(): Platform | undefined {
  const processRef = (globalThis as { process?: NodeJS.Process }).process;
  if (!processRef?.arch) return undefined;
  const { arch: nodeArch, platform: nodeOs, config } = processRef;
  const arch = nodeArch === 'ppc64' && littleEndian() ? 'ppc64le' : (GOARCH[nodeArch] ?? nodeArch);
  const armVersion = (config?.variables as { arm_version?: string } | undefined)?.arm_version;
  return {
    os: GOOS[nodeOs] ?? nodeOs,
    arch,
    ...(arch === 'arm' && armVersion !== undefined && armVersion !== '7' ? { variant: `v${armVersion}` } : {}),
  };
}

/**
 * Reads a `--platform` value the way the docker CLI does (containerd's specifier syntax, `os[(version)][/arch
 * [/variant]]`): aliases become their Go names (`x86_64` → `amd64`, `aarch64` → `arm64`, `armhf` → `arm/v7`,
 * `macos` → `darwin`), a lone operating system takes `host`'s architecture and a lone architecture `host`'s
 * operating system (`host` defaults to this machine's, read only then). Throws `invalid-platform` for what docker
 * refuses.
 */
export function parsePlatform(value: string, host?: Platform): Platform {
  if (value.includes('*')) throw invalid(value, `"${value}": wildcards not yet supported`);
  const parts = splitAtMost(value, '/', 4);
  const osMatch = OS_PART.exec(parts[0] as string);
  if (!osMatch) {
    throw invalid(value, `"${parts[0]}" is an invalid OS component of "${value}"`);
  }
  for (const part of parts.slice(1)) {
    if (!PART.test(part)) throw invalid(value, `"${part}" is an invalid component of "${value}"`);
  }
  const os = normalizeOs(osMatch[1] as string);
  if (parts.length === 1) {
    const machine = (): Platform => {
      const known = host ?? hostPlatform();
      if (known) return known;
      throw new RunArgsError(
        'unknown-host-platform',
        value,
        `"${value}" is completed with the client's platform, which is unknown outside Node: pass it`,
      );
    };
    if (KNOWN_OS.has(os)) {
      const { arch, variant } = machine();
      return { os, arch, ...(variant ? { variant } : {}) };
    }
    const lone = withoutDefaultArmVariant(normalizeArch(parts[0] as string, ''));
    if (KNOWN_ARCH.has(lone.arch)) return platform(machine().os, lone);
    throw invalid(value, `"${value}": unknown operating system or architecture`);
  }
  if (parts.length === 2) return platform(os, withoutDefaultArmVariant(normalizeArch(parts[1] as string, '')));
  if (parts.length === 3) {
    const named = normalizeArch(parts[1] as string, parts[2] as string);
    return platform(os, named.arch === 'arm64' && named.variant === '' ? { arch: 'arm64', variant: 'v8' } : named);
  }
  throw invalid(value, `"${value}": cannot parse platform specifier`);
}

/** `os/arch[/variant]`, lower-case, as the docker CLI puts it in the create request's `platform` query. */
export function formatPlatform({ os, arch, variant }: Platform): string {
  return [os, arch, variant].filter(Boolean).join('/').toLowerCase();
}

function normalizeOs(os: string): string {
  const lower = os.toLowerCase();
  return lower === 'macos' ? 'darwin' : lower;
}

function withoutDefaultArmVariant(named: { arch: string; variant: string }): { arch: string; variant: string } {
  return named.arch === 'arm' && named.variant === 'v7' ? { arch: 'arm', variant: '' } : named;
}

function platform(os: string, { arch, variant }: { arch: string; variant: string }): Platform {
  return { os, arch, ...(variant ? { variant } : {}) };
}

/** Go's strings.SplitN: at most `count` pieces, the last one keeping the rest. */
function splitAtMost(value: string, separator: string, count: number): string[] {
  const pieces = value.split(separator);
  if (pieces.length <= count) return pieces;
  return [...pieces.slice(0, count - 1), pieces.slice(count - 1).join(separator)];
}
