export { type TaskParts, taskPartsFromCreateRequest } from './container-spec';
export { ServiceSpecError, type ServiceSpecErrorCode } from './errors';
export { parseServicePublish } from './publish';
export { runArgsForService } from './run-line';
export {
  parseServiceCreateArgs,
  type ReadOptions,
  readServiceCreateArgs,
  type ServiceCreateArgs,
} from './service-create-args';
export { POLICY_FLAGS, RUN_FLAGS_OF_SERVICES, SERVICE_CREATE_FLAGS, SERVICE_UPDATE_FLAGS } from './service-flags';
export {
  type FromRunOptions,
  labelMap,
  runLineWords,
  type ServiceOptions,
  serviceSpecFromCreateRequest,
  serviceSpecFromRunArgs,
} from './service-spec';
export { applyServiceUpdate, readServiceUpdate, type ServiceUpdateArgs } from './service-update';
export {
  parseLogDetails,
  parseTaskLogLine,
  type TaskLogContext,
  type TaskLogLine,
  type TaskLogNames,
  taskLogContext,
  taskLogPrefix,
} from './task-log';
