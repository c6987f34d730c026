import type { LogConfig } from '@berth/types';
import { RunArgsError } from './errors';

/** `--log-driver` and `--log-opt k=v` → `HostConfig.LogConfig`; the `none` driver takes no options. */
export function parseLogConfig(driver: string, options: readonly string[]): LogConfig {
  if (driver === 'none' && options.length > 0) {
    throw new RunArgsError('invalid-log-options', options[0] ?? '', 'invalid logging opts for driver none');
  }
  const Config: Record<string, string> = {};
  for (const option of options) {
    const equals = option.indexOf('=');
    if (equals === -1) Config[option] = '';
    else Config[option.slice(0, equals)] = option.slice(equals + 1);
  }
  return { Type: driver, Config };
}
