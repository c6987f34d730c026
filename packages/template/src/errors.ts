import { BerthError } from '@berth/types';
import { goQuote } from './quote';

export type TemplateParseErrorCode =
  | 'template-syntax'
  | 'function-not-defined'
  | 'undefined-variable'
  | 'template-redefined'
  | 'nesting-too-deep';

export type TemplateExecErrorCode =
  | 'exec-failed'
  | 'wrong-argument-count'
  | 'wrong-argument-type'
  | 'function-failed'
  | 'nil-pointer'
  | 'cannot-evaluate-field'
  | 'template-not-defined'
  | 'depth-exceeded'
  | 'not-comparable';

/**
 * A template that does not parse. The message is Go's (`template: NAME:LINE: …`); `line` and `column` locate the
 * token the parser stopped at (column counts bytes from the start of the line, as Go's positions do).
 */
export class TemplateParseError extends BerthError {
  declare readonly code: TemplateParseErrorCode;
  readonly template: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;

  constructor(
    code: TemplateParseErrorCode,
    details: { template: string; line: number; column: number; token: string; reason: string },
  ) {
    super(code, details.token, `template: ${details.template}:${details.line}: ${details.reason}`);
    this.template = details.template;
    this.line = details.line;
    this.column = details.column;
    this.reason = details.reason;
  }
}

/**
 * A failure while executing. The message is Go's (`template: NAME:LINE:COL: executing "NAME" at <ACTION>: …`);
 * `action` is the text of the node being evaluated (also the error's `input`).
 */
export class TemplateExecError extends BerthError {
  declare readonly code: TemplateExecErrorCode;
  /** The template being executed (a {{define}}d one inside the parsed text, or the parsed text itself). */
  readonly template: string;
  readonly line: number;
  readonly column: number;
  readonly action: string;
  readonly reason: string;

  constructor(
    code: TemplateExecErrorCode,
    details: {
      template: string;
      location: string;
      line: number;
      column: number;
      action: string;
      reason: string;
      /** Go's whole message, where it has no location prefix (ExecuteTemplate's "no template … associated"). */
      message?: string;
    },
    options?: { cause?: unknown },
  ) {
    const where = details.location
      ? `${details.location}: executing ${goQuote(details.template)} at <${details.action}>`
      : details.template;
    super(code, details.action, details.message ?? `template: ${where}: ${details.reason}`, options);
    this.template = details.template;
    this.line = details.line;
    this.column = details.column;
    this.action = details.action;
    this.reason = details.reason;
  }
}
