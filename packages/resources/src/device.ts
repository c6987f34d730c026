import { cleanPath } from '@berth/go-syntax';
import type { DeviceMapping } from '@berth/types';
import { ResourceError, type ValueSource } from './errors';

// ch.6.1.3: --device maps a host device file into the container; access to devices is authorization, not a limit.

/** A Container Device Interface name, `vendor.com/class=name`, which docker sends as a `cdi` device request. */
export interface CdiDevice {
  cdi: string;
}

const ALNUM = /^[A-Za-z0-9]$/;

function validCdiPart(part: string, inner: RegExp, flag: string, device: string): boolean {
  // docker CLI 28 crashes (slice out of range) on a one-letter vendor or class instead of checking it
  if (part.length === 1 && /^[A-Za-z]$/.test(part)) {
    throw new ResourceError('invalid-device', { flag, input: device }, 'a CDI vendor or class needs two characters');
  }
  return /^[A-Za-z]/.test(part) && inner.test(part.slice(1, -1)) && ALNUM.test(part.at(-1) ?? '');
}

function validCdiName(name: string): boolean {
  if (!/^[A-Za-z0-9]/.test(name)) return false;
  return name.length === 1 || (/^[A-Za-z0-9_.:-]*$/.test(name.slice(1, -1)) && ALNUM.test(name.at(-1) ?? ''));
}

/** Whether `device` is a qualified CDI name (`vendor.com/class=name`) rather than a device path. */
export function isCdiDeviceName(device: string, flag = '--device'): boolean {
  if (device === '' || device.startsWith('/')) return false;
  const equals = device.indexOf('=');
  if (equals <= 0 || equals === device.length - 1) return false;
  const kind = device.slice(0, equals);
  const slash = kind.indexOf('/');
  if (slash <= 0 || slash === kind.length - 1) return false;
  const inner = /^[A-Za-z0-9_.-]*$/;
  return (
    validCdiPart(kind.slice(0, slash), inner, flag, device) &&
    validCdiPart(kind.slice(slash + 1), inner, flag, device) &&
    validCdiName(device.slice(equals + 1))
  );
}

/** Cgroup device permissions: a non-empty mix of r (read), w (write) and m (mknod), each at most once. */
export function isDeviceMode(mode: string): boolean {
  return mode !== '' && /^[rwm]*$/.test(mode) && new Set(mode).size === mode.length;
}

/**
 * `--device HOST[:CONTAINER][:PERMISSIONS]` → a `Devices[]` entry, with docker's defaults (the same path inside,
 * `rwm`) and its path cleaning; or a CDI name. Whether the host device exists is the daemon's check, at start.
 */
export function parseDevice(value: string): DeviceMapping | CdiDevice {
  const flag = '--device';
  if (isCdiDeviceName(value, flag)) return { cdi: value };
  const source = { flag, input: value };
  const parts = value.split(':');
  if (parts.length > 3 || parts[0] === '') {
    throw new ResourceError('invalid-device', source, 'expected HOST[:CONTAINER][:PERMISSIONS]');
  }
  const [host = '', second, third] = parts;
  let mapping: DeviceMapping;
  if (second === undefined) {
    const path = cleanPath(host);
    mapping = { PathOnHost: path, PathInContainer: path, CgroupPermissions: 'rwm' };
  } else if (third === undefined && isDeviceMode(second)) {
    const path = cleanPath(host);
    mapping = { PathOnHost: path, PathInContainer: path, CgroupPermissions: second };
  } else if (third === undefined) {
    // docker cleans the container path only, and only in this form
    mapping = { PathOnHost: host, PathInContainer: cleanPath(second), CgroupPermissions: 'rwm' };
  } else {
    mapping = { PathOnHost: host, PathInContainer: second, CgroupPermissions: third };
  }
  return checkDeviceMapping(mapping, source);
}

/** The rules of one device mapping, whoever wrote it: permissions a mix of r, w and m, an absolute container path. */
export function checkDeviceMapping(mapping: DeviceMapping, source: ValueSource): DeviceMapping {
  if (!isDeviceMode(mapping.CgroupPermissions)) {
    throw new ResourceError(
      'invalid-device',
      source,
      `bad permissions "${mapping.CgroupPermissions}" (a mix of r, w and m)`,
    );
  }
  if (!mapping.PathInContainer.startsWith('/')) {
    throw new ResourceError(
      'invalid-device',
      source,
      `the container path "${mapping.PathInContainer}" is not absolute`,
    );
  }
  return mapping;
}

const CGROUP_RULE = /^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$/;

/** `--device-cgroup-rule 'TYPE MAJOR:MINOR PERMISSIONS'` (e.g. `c 1:3 rwm`, `a *:* rwm`) → a `DeviceCgroupRules` entry. */
export function parseDeviceCgroupRule(value: string): string {
  if (!CGROUP_RULE.test(value)) {
    throw new ResourceError(
      'invalid-device-cgroup-rule',
      { flag: '--device-cgroup-rule', input: value },
      "expected 'TYPE MAJOR:MINOR PERMISSIONS' with TYPE a, b or c, numbers or *, and r, w, m",
    );
  }
  return value;
}
