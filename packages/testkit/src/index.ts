export { ANONYMOUS_VOLUME, comparableInspect } from './comparable-inspect';
export { type CliOptions, type CliResult, dockerCli } from './docker-cli';
export {
  CleanupError,
  DockerCliRefusedError,
  type EngineKit,
  EngineUnavailableError,
  type ExecResult,
  engineRequired,
  LogWaitTimeoutError,
  useEngine,
} from './engine-kit';
export { dockerodeEventSource } from './event-source';
export { newScope, SCOPE_LABEL, scopeLabels, TEST_LABEL, uniqueName } from './labels';
export {
  engineSocketPath,
  type RecordedRequest,
  RecorderSetupError,
  type RequestRecorder,
  recordRequests,
} from './request-recorder';
