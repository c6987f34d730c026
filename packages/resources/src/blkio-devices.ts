import type { ThrottleDevice, WeightDevice } from '@berth/types';
import { checkBlkioWeight } from './blkio';
import { ResourceError, type ValueSource } from './errors';
import { parseBytes } from './size';

// `--blkio-weight-device`, `--device-read-bps`, `--device-write-bps`, `--device-read-iops`, `--device-write-iops`:
// `<device-path>:<value>` with the device under /dev/, as the docker CLI checks them before sending.

function splitDeviceValue(value: string, flag: string): { path: string; rate: string; source: ValueSource } {
  const source = { flag, input: value };
  const colon = value.indexOf(':');
  if (colon <= 0) throw new ResourceError('invalid-device-limit', source, 'expected <device-path>:<value>');
  const path = value.slice(0, colon);
  if (!path.startsWith('/dev/')) {
    throw new ResourceError('invalid-device-limit', source, `${path} is not a device path under /dev/`);
  }
  return { path, rate: value.slice(colon + 1), source };
}

// strconv.ParseUint(v, 10, …): digits only, no sign
const DECIMAL = /^[0-9]+$/;

function parseDecimal(text: string, limit: bigint): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = BigInt(text);
  return value < limit ? Number(value) : undefined;
}

/** `--blkio-weight-device /dev/sda:300` → a `BlkioWeightDevice` entry; the weight is 10 to 1000, or 0. */
export function parseWeightDevice(value: string): WeightDevice {
  const { path, rate, source } = splitDeviceValue(value, '--blkio-weight-device');
  const weight = parseDecimal(rate, 2n ** 16n);
  if (weight === undefined) throw new ResourceError('invalid-device-limit', source, 'the weight is a whole number');
  checkBlkioWeight(weight, source);
  return { Path: path, Weight: weight };
}

/** `--device-read-bps /dev/sda:1mb` → a throttle entry in bytes per second (a size, as `--memory` reads it). */
export function parseThrottleBpsDevice(value: string, flag = '--device-read-bps'): ThrottleDevice {
  const { path, rate, source } = splitDeviceValue(value, flag);
  try {
    return { Path: path, Rate: parseBytes(rate, flag) };
  } catch (cause) {
    throw new ResourceError('invalid-device-limit', source, 'the rate is a size: <number>[<unit>]', { cause });
  }
}

/** `--device-read-iops /dev/sda:1000` → a throttle entry in IO operations per second (a decimal integer). */
export function parseThrottleIopsDevice(value: string, flag = '--device-read-iops'): ThrottleDevice {
  const { path, rate, source } = splitDeviceValue(value, flag);
  const iops = parseDecimal(rate, 2n ** 53n);
  if (iops === undefined) {
    throw new ResourceError('invalid-device-limit', source, 'the rate is a whole number of operations per second');
  }
  return { Path: path, Rate: iops };
}
