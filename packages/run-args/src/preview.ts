import type { ContainerCreateRequest } from '@berth/types';
import { type ParseRunArgsOptions, parseRunArgs } from './parse-run-args';

/** The request a command line would send, without an engine: what `berth run --dry-run` prints. */
export interface CreateRequestPreview {
  method: 'POST';
  path: '/containers/create';
  query: { name?: string; platform?: string };
  body: ContainerCreateRequest;
}

export function previewCreateRequest(argv: readonly string[], options: ParseRunArgsOptions = {}): CreateRequestPreview {
  const run = parseRunArgs(argv, options);
  return {
    method: 'POST',
    path: '/containers/create',
    query: { ...(run.name ? { name: run.name } : {}), ...(run.platform ? { platform: run.platform } : {}) },
    body: run.body,
  };
}

/** The preview as indented JSON, one request per command line. */
export function formatCreateRequest(argv: readonly string[], options: ParseRunArgsOptions = {}): string {
  return JSON.stringify(previewCreateRequest(argv, options), null, 2);
}
