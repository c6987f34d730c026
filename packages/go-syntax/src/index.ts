export { cleanPath } from './clean-path';
export { type CsvSyntaxProblem, readCsvRecord } from './csv-record';
export { type DockerTimestampResult, parseDockerTimestamp } from './docker-timestamp';
export { parseGoBool } from './go-bool';
export { type GoDurationResult, parseGoDuration } from './go-duration';
export { type GoFloatResult, parseGoFloat } from './go-float';
export {
  type GoIntegerResult,
  type GoNumberFailure,
  parseGoDecimalInt,
  parseGoInt,
  parseGoUint,
  underscoresWellPlaced,
} from './go-integer';
export { cut, toLower, trimSpace, utf8Length } from './go-strings';
export { setMapEntry } from './map-entry';
export { type RamSizeFailure, type RamSizeResult, ramInBytes } from './ram-in-bytes';
