export { dockerFunctions, headerFunctions } from './docker-functions';
export {
  TemplateExecError,
  type TemplateExecErrorCode,
  TemplateParseError,
  type TemplateParseErrorCode,
} from './errors';
export { sprint, sprintf, sprintln } from './fmt';
export { type FormatOptions, formatRows, isJSONFormat, isTableFormat, templateText } from './formatter';
export {
  type FunctionMap,
  type GoType,
  type PlainFunction,
  type TemplateFunction,
  type TypedFunction,
  typedFunction,
} from './functions';
export { goStruct } from './go-struct';
export { displayWidth, dockerTableLayout, type TabwriterOptions, tabwriter } from './tabwriter';
export { parseTemplate, Template, type TemplateOptions } from './template';
