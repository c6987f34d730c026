// The parser of text/template/parse (parse.go): one text becomes a set of named trees, the top-level one plus every
// {{define}} and {{block}}. Errors follow Go's wording and its choice of line (that of the last token read).

import { TemplateParseError, type TemplateParseErrorCode } from './errors';
import { type Item, ItemType, Lexer } from './lexer';
import { readNumber } from './literals';
import type {
  ArgNode,
  BranchNode,
  CommandNode,
  ElseNode,
  EndNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  VariableNode,
} from './nodes';
import { byteColumn } from './position';
import { goQuote, goUnquote } from './quote';

/** Deeper nesting than this (parentheses, control structures) is refused, so that parsing cannot exhaust the stack. */
export const MAX_PARSE_DEPTH = 1000;

export interface ParsedTree {
  readonly name: string;
  readonly root: ListNode;
}

interface ParseContext {
  readonly text: string;
  readonly parseName: string;
  readonly hasFunction: (name: string) => boolean;
  readonly treeSet: Map<string, ParsedTree>;
  readonly lexer: Lexer;
}

class Failure {
  constructor(
    readonly code: TemplateParseErrorCode,
    readonly reason: string,
    readonly item: Item,
  ) {}
}

function itemString(item: Item): string {
  if (item.type === ItemType.EOF) return 'EOF';
  if (item.type === ItemType.Error) return item.val;
  if (item.type > ItemType.Keyword) return `<${item.val}>`;
  const runes = Array.from(item.val);
  if (runes.length > 10) return `${goQuote(runes.slice(0, 10).join(''))}...`;
  return goQuote(item.val);
}

function isEmptyTree(node: Node | undefined): boolean {
  if (node === undefined) return true;
  switch (node.kind) {
    case 'list':
      return node.nodes.every(isEmptyTree);
    case 'text':
      return node.text.trim() === '';
    default:
      return false;
  }
}

class Tree {
  name: string;
  root: ListNode | undefined;
  private readonly ctx: ParseContext;
  private readonly token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = ['$'];
  private actionLine = 0;
  private rangeDepth = 0;
  private depth = 0;

  constructor(name: string, ctx: ParseContext) {
    this.name = name;
    this.ctx = ctx;
  }

  private fail(reason: string, code: TemplateParseErrorCode = 'template-syntax'): never {
    throw new Failure(code, reason, this.token[0] ?? { type: ItemType.EOF, pos: 0, val: '', line: 1 });
  }

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.ctx.lexer.nextItem();
    return this.token[this.peekCount] as Item;
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1] as Item;
    this.peekCount = 1;
    this.token[0] = this.ctx.lexer.nextItem();
    return this.token[0];
  }

  private nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.type === ItemType.Space);
    return token;
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  private expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== expected) this.unexpected(token, context);
    return token;
  }

  private expectOneOf(a: ItemType, b: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== a && token.type !== b) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.type === ItemType.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.ctx.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.fail(`${itemString(token)}${extra}`);
    }
    this.fail(`unexpected ${itemString(token)} in ${context}`);
  }

  private enter(): void {
    if (++this.depth > MAX_PARSE_DEPTH) this.fail('max expression depth exceeded', 'nesting-too-deep');
  }

  private leave(): void {
    this.depth--;
  }

  add(): void {
    const existing = this.ctx.treeSet.get(this.name);
    if (existing === undefined || isEmptyTree(existing.root)) {
      this.ctx.treeSet.set(this.name, { name: this.name, root: this.root as ListNode });
      return;
    }
    if (!isEmptyTree(this.root)) {
      this.fail(`template: multiple definition of template ${goQuote(this.name)}`, 'template-redefined');
    }
  }

  parse(): void {
    this.root = { kind: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().type !== ItemType.EOF) {
      if (this.peek().type === ItemType.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().type === ItemType.Define) {
          const definition = new Tree('definition', this.ctx);
          definition.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') this.fail(`unexpected ${n.kind === 'end' ? '{{end}}' : '{{else}}'}`);
      this.root.nodes.push(n);
    }
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf(ItemType.String, ItemType.RawString, context);
    this.name = this.unquote(name.val);
    this.expect(ItemType.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.kind !== 'end') this.fail(`unexpected ${nodeMarker(end)} in ${context}`);
    this.add();
  }

  private unquote(literal: string): string {
    try {
      return goUnquote(literal);
    } catch {
      return this.fail('invalid syntax');
    }
  }

  private itemList(): [ListNode, EndNode | ElseNode] {
    const list: ListNode = { kind: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().type !== ItemType.EOF) {
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') return [list, n];
      list.nodes.push(n);
    }
    return this.fail('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.type) {
      case ItemType.Text:
        return { kind: 'text', pos: token.pos, text: token.val };
      case ItemType.LeftDelim: {
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      default:
        return this.unexpected(token, 'input');
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.type) {
      case ItemType.Block:
        return this.blockControl();
      case ItemType.Break:
        return this.loopControl('break', token);
      case ItemType.Continue:
        return this.loopControl('continue', token);
      case ItemType.Else:
        return this.elseControl();
      case ItemType.End:
        return { kind: 'end', pos: this.expect(ItemType.RightDelim, 'end').pos };
      case ItemType.If:
        return this.branch('if', true);
      case ItemType.Range:
        return this.branch('range', false);
      case ItemType.Template:
        return this.templateControl();
      case ItemType.With:
        return this.branch('with', false);
    }
    this.backup();
    const start = this.peek();
    return { kind: 'action', pos: start.pos, line: start.line, pipe: this.pipeline('command', ItemType.RightDelim) };
  }

  private loopControl(kind: 'break' | 'continue', keyword: Item): Node {
    const token = this.nextNonSpace();
    if (token.type !== ItemType.RightDelim) this.unexpected(token, `{{${kind}}}`);
    if (this.rangeDepth === 0) this.fail(`{{${kind}}} outside {{range}}`);
    return { kind, pos: keyword.pos, line: keyword.line };
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const start = this.peekNonSpace();
    const pipe: PipeNode = { kind: 'pipe', pos: start.pos, line: start.line, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== ItemType.Variable) break;
      this.next();
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.type === ItemType.Assign || next.type === ItemType.Declare) {
        pipe.isAssign = next.type === ItemType.Assign;
        this.nextNonSpace();
        pipe.decl.push(variableNode(v));
        this.vars.push(v.val);
      } else if (next.type === ItemType.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(variableNode(v));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const after = this.peekNonSpace().type;
          if (after === ItemType.Variable || after === ItemType.RightDelim || after === ItemType.RightParen) continue;
          this.fail('range can only initialize variables');
        }
        this.fail(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.type === ItemType.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.type) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case ItemType.Bool:
        case ItemType.CharConstant:
        case ItemType.Complex:
        case ItemType.Dot:
        case ItemType.Field:
        case ItemType.Identifier:
        case ItemType.Number:
        case ItemType.Nil:
        case ItemType.RawString:
        case ItemType.String:
        case ItemType.Variable:
        case ItemType.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.fail(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const kind = c.args[0]?.kind;
      if (kind === 'bool' || kind === 'dot' || kind === 'nil' || kind === 'number' || kind === 'string') {
        this.fail(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private branch(kind: 'if' | 'range' | 'with', allowElseIf: boolean): BranchNode {
    this.enter();
    const mark = this.vars.length;
    const pipe = this.pipeline(kind, ItemType.RightDelim);
    if (kind === 'range') this.rangeDepth++;
    let [list, next] = this.itemList();
    if (kind === 'range') this.rangeDepth--;
    let elseList: ListNode | undefined;
    if (next.kind === 'else') {
      if (allowElseIf && this.peek().type === ItemType.If) {
        this.next();
        elseList = { kind: 'list', pos: next.pos, nodes: [this.branch('if', true)] };
      } else {
        [elseList, next] = this.itemList();
        if (next.kind !== 'end') this.fail(`expected end; found ${nodeMarker(next)}`);
      }
    }
    this.vars.length = mark;
    this.leave();
    return { kind, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
  }

  private elseControl(): ElseNode {
    const peek = this.peekNonSpace();
    if (peek.type === ItemType.If) return { kind: 'else', pos: peek.pos, line: peek.line };
    const token = this.expect(ItemType.RightDelim, 'else');
    return { kind: 'else', pos: token.pos, line: token.line };
  }

  private blockControl(): TemplateNode {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    const pipe = this.pipeline(context, ItemType.RightDelim);
    const block = new Tree(name, this.ctx);
    this.enter();
    const [list, end] = block.itemList();
    this.leave();
    block.root = list;
    if (end.kind !== 'end') this.fail(`unexpected ${nodeMarker(end)} in ${context}`);
    block.add();
    return { kind: 'template', pos: token.pos, line: token.line, name, pipe };
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().type !== ItemType.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, ItemType.RightDelim);
    }
    return { kind: 'template', pos: token.pos, line: token.line, name, pipe };
  }

  private templateName(token: Item, context: string): string {
    if (token.type === ItemType.String || token.type === ItemType.RawString) return this.unquote(token.val);
    return this.unexpected(token, context);
  }

  private command(): CommandNode {
    const cmd: CommandNode = { kind: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== undefined) cmd.args.push(operand);
      const token = this.next();
      if (token.type === ItemType.Space) continue;
      if (token.type === ItemType.RightDelim || token.type === ItemType.RightParen) this.backup();
      else if (token.type !== ItemType.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.fail('empty command');
    return cmd;
  }

  private operand(): ArgNode | undefined {
    const node = this.term();
    if (node === undefined) return undefined;
    if (this.peek().type !== ItemType.Field) return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === ItemType.Field) fields.push(this.next().val.slice(1));
    switch (node.kind) {
      case 'field':
        return { kind: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { kind: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return this.fail(`unexpected . after term ${goQuote(argText(node))}`);
      default:
        return { kind: 'chain', pos, node, fields };
    }
  }

  private term(): ArgNode | undefined {
    const token = this.nextNonSpace();
    switch (token.type) {
      case ItemType.Identifier:
        if (!this.ctx.hasFunction(token.val)) {
          this.fail(`function ${goQuote(token.val)} not defined`, 'function-not-defined');
        }
        return { kind: 'identifier', pos: token.pos, ident: token.val };
      case ItemType.Dot:
        return { kind: 'dot', pos: token.pos };
      case ItemType.Nil:
        return { kind: 'nil', pos: token.pos };
      case ItemType.Variable:
        return this.useVar(token);
      case ItemType.Field:
        return { kind: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
      case ItemType.Bool:
        return { kind: 'bool', pos: token.pos, value: token.val === 'true' };
      case ItemType.CharConstant:
      case ItemType.Complex:
      case ItemType.Number:
        return this.numberNode(token);
      case ItemType.LeftParen: {
        this.enter();
        const pipe = this.pipeline('parenthesized pipeline', ItemType.RightParen);
        this.leave();
        return pipe;
      }
      case ItemType.String:
      case ItemType.RawString:
        return { kind: 'string', pos: token.pos, quoted: token.val, text: this.unquote(token.val) };
    }
    this.backup();
    return undefined;
  }

  private numberNode(token: Item): NumberNode {
    const kind = token.type === ItemType.CharConstant ? 'char' : token.type === ItemType.Complex ? 'complex' : 'number';
    try {
      return { kind: 'number', pos: token.pos, text: token.val, ...readNumber(token.val, kind) };
    } catch (error) {
      return this.fail((error as Error).message);
    }
  }

  private useVar(token: Item): VariableNode {
    const v = variableNode(token);
    if (this.vars.includes(v.ident[0] as string)) return v;
    return this.fail(`undefined variable ${goQuote(v.ident[0] as string)}`, 'undefined-variable');
  }
}

function variableNode(token: Item): VariableNode {
  return { kind: 'variable', pos: token.pos, ident: token.val.split('.') };
}

function nodeMarker(node: EndNode | ElseNode): string {
  return node.kind === 'end' ? '{{end}}' : '{{else}}';
}

function argText(node: ArgNode): string {
  switch (node.kind) {
    case 'bool':
      return node.value ? 'true' : 'false';
    case 'string':
      return node.quoted;
    case 'number':
      return node.text;
    case 'nil':
      return 'nil';
    default:
      return '.';
  }
}

/** Parses `text` into its named trees; throws TemplateParseError. */
export function parseTrees(
  text: string,
  name: string,
  hasFunction: (name: string) => boolean,
): Map<string, ParsedTree> {
  const lexer = new Lexer(text, !hasFunction('break'), !hasFunction('continue'));
  const ctx: ParseContext = { text, parseName: name, hasFunction, treeSet: new Map(), lexer };
  const tree = new Tree(name, ctx);
  try {
    tree.parse();
    tree.add();
  } catch (error) {
    if (error instanceof Failure) {
      throw new TemplateParseError(error.code, {
        template: name,
        line: error.item.line,
        column: byteColumn(text, Math.min(error.item.pos, text.length)),
        token: error.item.val,
        reason: error.reason,
      });
    }
    if (error instanceof RangeError) {
      throw new TemplateParseError('nesting-too-deep', {
        template: name,
        line: 0,
        column: 0,
        token: '',
        reason: 'max expression depth exceeded',
      });
    }
    throw error;
  }
  return ctx.treeSet;
}
