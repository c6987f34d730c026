export { type GoFloatResult, parseGoFloat } from './go-float';
export {
  type GoIntegerResult,
  type GoNumberFailure,
  parseGoDecimalInt,
  parseGoInt,
  parseGoUint,
  underscoresWellPlaced,
} from './go-integer';
export { type RamSizeFailure, type RamSizeResult, ramInBytes } from './ram-in-bytes';
