// written once in @berth/types, which the test kit also reads; exported here as before
export { type Timestamp, timestampParam } from '@berth/types';
export {
  fieldsNewerThan,
  MAX_API_VERSION,
  negotiateApiVersion,
  refuseNewerFields,
} from './api-version';
export {
  BuildContextError,
  type BuildContextOptions,
  type PackedBuildContext,
  packBuildContext,
} from './build-context';
export { demultiplex, FrameDecoder, type OutputChunk, rawOutput, type StreamName } from './demultiplex';
export type { SshOptions } from './dialer';
export { type DockerHost, parseDockerHost } from './docker-host';
export type { DockerModemSettings, DockerodeClient } from './dockerode-connection';
export {
  type EndpointFiles,
  type EndpointOverrides,
  type EndpointSource,
  type EngineEndpoint,
  type Environment,
  resolveEndpoint,
  type TlsMaterial,
} from './endpoint';
export { nodeEndpointFiles } from './endpoint-files';
export {
  type AttachOptions,
  type BuildOptions,
  type Cancellable,
  createEngine,
  Engine,
  type EngineOptions,
  type EventsOptions,
  type ExecOptions,
  type ExecSession,
  type LogsOptions,
  type PullOptions,
  type PushOptions,
  type RegistryAuth,
  type ServiceLogsOptions,
  type StreamSession,
} from './engine';
export {
  ApiVersionError,
  BadRequestError,
  ConflictError,
  ContainerStartError,
  EndpointError,
  EngineError,
  type EngineErrorDetails,
  NotFoundError,
  NotModifiedError,
  ServerError,
  type StartFailure,
  StreamError,
  UnreachableError,
} from './errors';
export type { QueryValue, RequestSpec } from './http-client';
export { jsonLines } from './json-lines';
export { type ProgressEvent, type ProgressMessage, progressEvents, toProgressEvent } from './progress';
export type * from './responses';
