import type { LogConfig } from '@berth/types';
import { RunArgsError } from './errors';
import { keyValueMap } from './key-value-file';

/** `--log-driver` and `--log-opt k=v` → `HostConfig.LogConfig`; the `none` driver takes no options. */
export function parseLogConfig(driver: string, options: readonly string[]): LogConfig {
  if (driver === 'none' && options.length > 0) {
    throw new RunArgsError('invalid-log-options', options[0] ?? '', 'invalid logging opts for driver none');
  }
  return { Type: driver, Config: keyValueMap(options) };
}
