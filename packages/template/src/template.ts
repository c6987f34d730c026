import { builtins } from './builtins';
import { TemplateExecError } from './errors';
import { executeTree } from './exec';
import type { FunctionMap } from './functions';
import { type ParsedTree, parseTrees } from './parser';
import { goQuote } from './quote';

export interface TemplateOptions {
  /** The name errors quote (`template: NAME:1:2: …`); Go's docker CLI leaves it empty. Default: "" as in docker, whose messages read `template: :1:2: …`. */
  readonly name?: string;
  /** Functions beside the builtins; a name here hides a builtin of the same name. */
  readonly functions?: FunctionMap;
}

/** A parsed template: the top-level text plus every {{define}} and {{block}} in it. */
export class Template {
  readonly name: string;
  private readonly text: string;
  private readonly trees: ReadonlyMap<string, ParsedTree>;
  private readonly functions: FunctionMap;

  /** @internal use parseTemplate */
  constructor(name: string, text: string, trees: ReadonlyMap<string, ParsedTree>, functions: FunctionMap) {
    this.name = name;
    this.text = text;
    this.trees = trees;
    this.functions = functions;
  }

  /** Runs the template over `data`; throws TemplateExecError. */
  execute(data: unknown): string {
    return this.executeTemplate(this.name, data);
  }

  /** Runs the {{define}}d template `name` (Go's ExecuteTemplate). */
  executeTemplate(name: string, data: unknown): string {
    if (!this.trees.has(name)) {
      const reason = `no template ${goQuote(name)} associated with template ${goQuote(this.name)}`;
      throw new TemplateExecError('template-not-defined', {
        template: name,
        location: '',
        line: 0,
        column: 0,
        action: '',
        reason,
        message: `template: ${reason}`,
      });
    }
    return executeTree(
      { text: this.text, parseName: this.name, trees: this.trees, functions: this.functions },
      name,
      data,
    );
  }

  /** The names of the templates the text defines, the top-level one included, sorted. */
  get templateNames(): string[] {
    return [...this.trees.keys()].sort();
  }
}

/** Parses Go text/template source; throws TemplateParseError. */
export function parseTemplate(text: string, options: TemplateOptions = {}): Template {
  const name = options.name ?? '';
  const functions = options.functions ?? {};
  const hasFunction = (fn: string): boolean =>
    (Object.hasOwn(functions, fn) && functions[fn] !== undefined) || builtins.has(fn);
  const trees = parseTrees(text, name, hasFunction);
  return new Template(name, text, trees, functions);
}
