export { comparableInspect } from './comparable-inspect';
export { comparableRequest, overBaseline } from './comparable-request';
export { type CliOptions, type CliResult, dockerCli, runProgram } from './docker-cli';
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
  type RecordedRequest,
  RecorderSetupError,
  type RequestRecorder,
  recordRequests,
} from './request-recorder';
export { type SwarmKit, SwarmUnavailableError, useSwarmEngine } from './swarm-engine';
