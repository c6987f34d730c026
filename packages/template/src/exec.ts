// The executor of text/template (exec.go) over plain JavaScript data. It follows Go's evaluation order and its
// choice of the node an error points at, so that messages match Go's byte for byte.
//
// Go distinguishes a value read out of a map or slice of interface{} (an interface, "boxed") from the concrete value
// a pipeline yields; the difference shows in two places only: a nil element ("nil pointer evaluating interface {}.X"
// against "<no value>") and the type an error names. `boxed` flags travel beside dot and variables for that.

import { builtins, truth } from './builtins';
import { TemplateExecError, type TemplateExecErrorCode } from './errors';
import { formatIndirect } from './fmt';
import { type FunctionMap, type GoType, goTypeName, type TemplateFunction, type TypedFunction } from './functions';
import { isGoStruct } from './go-struct';
import type {
  ArgNode,
  BranchNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  VariableNode,
} from './nodes';
import { nodeText } from './nodes';
import type { ParsedTree } from './parser';
import { byteColumn, lineOf } from './position';
import { goQuote } from './quote';
import { isMap, isStringSlice, isTrue, sortedKeys, typeName } from './values';

/**
 * How deep {{template}} calls may nest. Go allows 100000; JavaScript's stack holds far fewer frames, so the bound is
 * lower, and a stack overflow anywhere still ends as a TemplateExecError.
 */
export const MAX_EXEC_DEPTH = 1000;

const MISSING = Symbol('missing');
/** The previous command's result in a pipeline, passed as the last argument, or MISSING for the first. */
type Final = unknown;

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

/** Carries this execution's own error past evalCall, which turns anything else a function throws into "error calling". */
class Abort {
  constructor(readonly error: TemplateExecError) {}
}

interface Variable {
  name: string;
  value: unknown;
  boxed: boolean;
}

export interface ExecContext {
  readonly text: string;
  readonly parseName: string;
  readonly trees: ReadonlyMap<string, ParsedTree>;
  readonly functions: FunctionMap;
}

function isTyped(fn: TemplateFunction): fn is TypedFunction {
  return typeof fn !== 'function';
}

function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value === undefined ? null : value;
}

function canBeNil(type: GoType): boolean {
  return type === 'any' || type === 'value' || type === '[]string';
}

function isHexInt(text: string): boolean {
  return text.length > 2 && text[0] === '0' && (text[1] === 'x' || text[1] === 'X') && !/[pP]/.test(text);
}

class State {
  private readonly ctx: ExecContext;
  private tmpl: string;
  private node: Node | undefined;
  private vars: Variable[];
  private depth = 0;
  /** Whether the value the last field evaluation returned was read out of a map (an interface{} in Go). */
  private boxed = false;
  out = '';

  constructor(ctx: ExecContext, tmpl: string, data: unknown) {
    this.ctx = ctx;
    this.tmpl = tmpl;
    this.vars = [{ name: '$', value: data, boxed: false }];
  }

  errorf(reason: string, code: TemplateExecErrorCode = 'exec-failed', cause?: unknown): never {
    const node = this.node;
    let details: ConstructorParameters<typeof TemplateExecError>[1];
    if (node === undefined) {
      details = { template: this.tmpl, location: '', line: 0, column: 0, action: '', reason };
    } else {
      const line = lineOf(this.ctx.text, node.pos);
      const column = byteColumn(this.ctx.text, node.pos);
      details = {
        template: this.tmpl,
        location: `${this.ctx.parseName}:${line}:${column}`,
        line,
        column,
        action: nodeText(node),
        reason,
      };
    }
    throw new Abort(new TemplateExecError(code, details, cause === undefined ? undefined : { cause }));
  }

  private varValue(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) return v;
    }
    return this.errorf(`undefined variable: ${name}`);
  }

  private setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) {
        v.value = value;
        v.boxed = false;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  run(root: ListNode | undefined, data: unknown): void {
    try {
      if (root === undefined) this.errorf(`${goQuote(this.tmpl)} is an incomplete or empty template`);
      this.walk(data, false, root);
    } catch (error) {
      if (error instanceof Abort) throw error.error;
      // The stack overflowed (data nested too deep to print, say), or a string grew past what JavaScript holds.
      if (error instanceof RangeError) {
        const overflow = error.message.includes('call stack');
        throw new TemplateExecError(overflow ? 'depth-exceeded' : 'exec-failed', {
          template: this.tmpl,
          location: '',
          line: 0,
          column: 0,
          action: '',
          reason: overflow ? `exceeded maximum template depth (${MAX_EXEC_DEPTH})` : error.message,
        });
      }
      throw error;
    }
  }

  walk(dot: unknown, boxed: boolean, node: Node): void {
    this.node = node;
    switch (node.kind) {
      case 'action': {
        const value = this.evalPipeline(dot, boxed, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, value);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'if':
      case 'with':
        this.walkIfOrWith(dot, boxed, node);
        return;
      case 'list':
        for (const child of node.nodes) this.walk(dot, boxed, child);
        return;
      case 'range':
        this.walkRange(dot, boxed, node);
        return;
      case 'template':
        this.walkTemplate(dot, boxed, node);
        return;
      case 'text':
        this.out += node.text;
        return;
      default:
        this.errorf(`unknown node: ${nodeText(node)}`);
    }
  }

  private walkIfOrWith(dot: unknown, boxed: boolean, node: BranchNode): void {
    const mark = this.vars.length;
    const value = this.evalPipeline(dot, boxed, node.pipe);
    if (isTrue(value)) {
      if (node.kind === 'with') this.walk(value, false, node.list);
      else this.walk(dot, boxed, node.list);
    } else if (node.elseList) {
      this.walk(dot, boxed, node.elseList);
    }
    this.vars.length = mark;
  }

  private walkRange(dot: unknown, boxed: boolean, r: BranchNode): void {
    this.node = r;
    const outer = this.vars.length;
    const value = this.evalPipeline(dot, boxed, r.pipe);
    const mark = this.vars.length;
    const decls = r.pipe.decl.length;
    const iteration = (index: unknown, elem: unknown, elemBoxed: boolean): void => {
      if (decls > 0) {
        const v = this.vars[mark - 1] as Variable;
        v.value = elem;
        v.boxed = elemBoxed;
      }
      if (decls > 1) {
        const v = this.vars[mark - 2] as Variable;
        v.value = index;
        v.boxed = false;
      }
      try {
        this.walk(elem, elemBoxed, r.list);
      } catch (error) {
        if (error !== CONTINUE) throw error;
      }
      this.vars.length = mark;
    };
    try {
      if (Array.isArray(value)) {
        if (value.length > 0) {
          const concrete = isStringSlice(value);
          for (let i = 0; i < value.length; i++) iteration(BigInt(i), value[i] ?? null, !concrete);
          this.vars.length = outer;
          return;
        }
      } else if (isMap(value)) {
        const keys = sortedKeys(value);
        if (keys.length > 0) {
          for (const key of keys) iteration(key, value[key] ?? null, true);
          this.vars.length = outer;
          return;
        }
      } else if (value !== undefined) {
        this.errorf(`range can't iterate over ${formatIndirect(value)}`);
      }
    } catch (error) {
      if (error !== BREAK) throw error;
      this.vars.length = outer;
      return;
    }
    if (r.elseList) this.walk(dot, boxed, r.elseList);
    this.vars.length = outer;
  }

  private walkTemplate(dot: unknown, boxed: boolean, t: TemplateNode): void {
    this.node = t;
    const tree = this.ctx.trees.get(t.name);
    if (tree === undefined) this.errorf(`template ${goQuote(t.name)} not defined`, 'template-not-defined');
    if (this.depth === MAX_EXEC_DEPTH) {
      this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`, 'depth-exceeded');
    }
    const newDot = this.evalPipeline(dot, boxed, t.pipe);
    const saved = { tmpl: this.tmpl, vars: this.vars, node: this.node };
    this.tmpl = t.name;
    this.vars = [{ name: '$', value: newDot, boxed: false }];
    this.depth++;
    this.walk(newDot, false, tree.root);
    this.depth--;
    this.tmpl = saved.tmpl;
    this.vars = saved.vars;
    this.node = saved.node;
  }

  private evalPipeline(dot: unknown, boxed: boolean, pipe: PipeNode | undefined): unknown {
    if (pipe === undefined) return undefined;
    this.node = pipe;
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, boxed, cmd, value);
      // A nil interface{} result is no value at all (Go re-wraps interface results as their dynamic value).
      if (value === null) value = undefined;
    }
    for (const variable of pipe.decl) {
      const name = variable.ident[0] as string;
      if (pipe.isAssign) this.setVar(name, value);
      else this.vars.push({ name, value, boxed: false });
    }
    return value;
  }

  private notAFunction(args: readonly ArgNode[] | undefined, final: Final): void {
    if ((args !== undefined && args.length > 1) || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${nodeText(args?.[0] as Node)}`);
    }
  }

  private evalCommand(dot: unknown, boxed: boolean, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0] as ArgNode;
    switch (first.kind) {
      case 'field':
        return this.evalFieldNode(dot, boxed, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, boxed, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, boxed, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, boxed, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.kind) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
  }

  private idealConstant(constant: NumberNode): unknown {
    this.node = constant;
    if (constant.isComplex) return constant.complex;
    if (constant.isFloat && !isHexInt(constant.text) && constant.text[0] !== "'" && /[.eEpP]/.test(constant.text)) {
      return constant.float;
    }
    if (constant.isInt) return constant.int;
    if (constant.isUint) this.errorf(`${constant.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(
    dot: unknown,
    boxed: boolean,
    field: FieldNode,
    args: readonly ArgNode[] | undefined,
    final: Final,
  ): unknown {
    this.node = field;
    return this.evalFieldChain(dot, dot, boxed, field, field.ident, args, final);
  }

  private evalChainNode(
    dot: unknown,
    boxed: boolean,
    chain: ChainNode,
    args: readonly ArgNode[] | undefined,
    final: Final,
  ): unknown {
    this.node = chain;
    if (chain.node.kind === 'nil') this.errorf(`indirection through explicit nil in ${nodeText(chain)}`);
    const pipe = this.evalArg(dot, boxed, undefined, chain.node);
    return this.evalFieldChain(dot, pipe, this.boxed, chain, chain.fields, args, final);
  }

  private evalVariableNode(
    dot: unknown,
    variable: VariableNode,
    args: readonly ArgNode[] | undefined,
    final: Final,
  ): unknown {
    this.node = variable;
    const v = this.varValue(variable.ident[0] as string);
    if (variable.ident.length === 1) {
      this.notAFunction(args, final);
      this.boxed = v.boxed;
      return v.value;
    }
    return this.evalFieldChain(dot, v.value, v.boxed, variable, variable.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: unknown,
    receiver: unknown,
    boxed: boolean,
    node: Node,
    ident: readonly string[],
    args: readonly ArgNode[] | undefined,
    final: Final,
  ): unknown {
    const n = ident.length;
    let current = receiver;
    let currentBoxed = boxed;
    for (let i = 0; i < n - 1; i++) {
      current = this.evalField(dot, ident[i] as string, node, undefined, MISSING, current, currentBoxed);
      currentBoxed = this.boxed;
    }
    return this.evalField(dot, ident[n - 1] as string, node, args, final, current, currentBoxed);
  }

  private evalFunction(
    dot: unknown,
    boxed: boolean,
    node: IdentifierNode,
    cmd: Node,
    args: readonly ArgNode[] | undefined,
    final: Final,
  ): unknown {
    this.node = node;
    const name = node.ident;
    const user = Object.hasOwn(this.ctx.functions, name) ? this.ctx.functions[name] : undefined;
    const fn = user ?? builtins.get(name);
    if (fn === undefined) this.errorf(`${goQuote(name)} is not a defined function`);
    return this.evalCall(dot, boxed, fn, user === undefined, cmd, name, args, final, undefined);
  }

  private evalField(
    dot: unknown,
    fieldName: string,
    node: Node,
    args: readonly ArgNode[] | undefined,
    final: Final,
    receiver: unknown,
    boxed: boolean,
  ): unknown {
    this.boxed = false;
    if (receiver === undefined) return undefined;
    const type = boxed ? 'interface {}' : typeName(receiver);
    if (receiver === null) this.errorf(`nil pointer evaluating ${type}.${fieldName}`, 'nil-pointer');
    if (isMap(receiver)) {
      const has = Object.hasOwn(receiver, fieldName);
      const value = has ? receiver[fieldName] : undefined;
      if (typeof value === 'function') {
        return this.evalCall(dot, boxed, value as TemplateFunction, false, node, fieldName, args, final, receiver);
      }
      if ((args !== undefined && args.length > 1) || final !== MISSING) {
        this.errorf(`${fieldName} is not a method but has arguments`, 'wrong-argument-count');
      }
      this.boxed = true;
      return value;
    }
    if (isGoStruct(receiver) && Object.hasOwn(receiver, fieldName)) {
      const value = receiver[fieldName];
      if (typeof value === 'function') {
        return this.evalCall(dot, boxed, value as TemplateFunction, false, node, fieldName, args, final, receiver);
      }
      if ((args !== undefined && args.length > 1) || final !== MISSING) {
        this.errorf(`${fieldName} has arguments but cannot be invoked as function`, 'wrong-argument-count');
      }
      // a field has its declared type, not interface{}: nothing to unbox
      return value;
    }
    return this.errorf(`can't evaluate field ${fieldName} in type ${type}`, 'cannot-evaluate-field');
  }

  private evalCall(
    dot: unknown,
    boxed: boolean,
    fn: TemplateFunction,
    isBuiltin: boolean,
    node: Node,
    name: string,
    allArgs: readonly ArgNode[] | undefined,
    final: Final,
    receiver: unknown,
  ): unknown {
    const args = allArgs === undefined ? [] : allArgs.slice(1);
    const typed = isTyped(fn);
    const params: readonly GoType[] = typed ? fn.params : [];
    const variadic: GoType | undefined = typed ? fn.variadic : 'any';
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    let numFixed = args.length;
    if (variadic !== undefined) {
      numFixed = params.length;
      if (numIn < numFixed) {
        this.errorf(
          `wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`,
          'wrong-argument-count',
        );
      }
    } else if (numIn !== params.length) {
      this.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`, 'wrong-argument-count');
    }
    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: unknown;
      for (const arg of args) {
        v = this.evalArg(dot, boxed, 'value', arg);
        if (truth(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, false, 'value');
      return v;
    }
    const argv: unknown[] = new Array(numIn);
    let i = 0;
    for (; i < numFixed && i < args.length; i++) {
      argv[i] = this.evalArg(dot, boxed, params[i] as GoType, args[i] as ArgNode);
    }
    if (variadic !== undefined) {
      for (; i < args.length; i++) argv[i] = this.evalArg(dot, boxed, variadic, args[i] as ArgNode);
    }
    if (final !== MISSING) {
      let t = params[params.length - 1] as GoType;
      if (variadic !== undefined) t = numIn - 1 < numFixed ? (params[numIn - 1] as GoType) : variadic;
      argv[i] = this.validateType(final, false, t);
    }
    let result: unknown;
    try {
      if (typed) result = (fn.call as (...args: unknown[]) => unknown)(...argv);
      else result = (fn as (...args: unknown[]) => unknown).apply(receiver, argv.map(toPlain));
    } catch (error) {
      if (error instanceof Abort) throw error;
      this.node = node;
      const message = error instanceof Error ? error.message : String(error);
      this.errorf(`error calling ${name}: ${message}`, 'function-failed', error);
    }
    this.boxed = false;
    return typed ? result : result === undefined ? null : result;
  }

  private validateType(value: unknown, boxed: boolean, type: GoType | undefined): unknown {
    this.boxed = boxed;
    if (value === undefined) {
      if (type === undefined || type === 'value') return undefined;
      if (canBeNil(type)) return null;
      this.errorf(`invalid value; expected ${goTypeName(type)}`, 'wrong-argument-type');
    }
    if (type === undefined || type === 'value' || type === 'any') return value;
    let ok: boolean;
    switch (type) {
      case 'string':
        ok = typeof value === 'string';
        break;
      case 'int':
        ok = typeof value === 'bigint';
        break;
      case 'float64':
        ok = typeof value === 'number';
        break;
      case 'bool':
        ok = typeof value === 'boolean';
        break;
      case '[]string':
        ok = isStringSlice(value);
        break;
    }
    if (!ok) {
      this.errorf(`wrong type for value; expected ${goTypeName(type)}; got ${typeName(value)}`, 'wrong-argument-type');
    }
    return value;
  }

  private evalArg(dot: unknown, boxed: boolean, type: GoType | undefined, n: ArgNode): unknown {
    this.node = n;
    switch (n.kind) {
      case 'dot':
        return this.validateType(dot, boxed, type);
      case 'nil':
        if (type !== undefined && canBeNil(type)) return type === 'value' ? undefined : null;
        return this.errorf(`cannot assign nil to ${goTypeName(type ?? 'any')}`, 'wrong-argument-type');
      case 'field': {
        const value = this.evalFieldNode(dot, boxed, n, [n], MISSING);
        return this.validateType(value, this.boxed, type);
      }
      case 'variable': {
        const value = this.evalVariableNode(dot, n, undefined, MISSING);
        return this.validateType(value, this.boxed, type);
      }
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, boxed, n), false, type);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, boxed, n, n, undefined, MISSING), false, type);
      case 'chain': {
        const value = this.evalChainNode(dot, boxed, n, undefined, MISSING);
        return this.validateType(value, this.boxed, type);
      }
    }
    switch (type) {
      case 'bool':
        if (n.kind === 'bool') return n.value;
        return this.errorf(`expected bool; found ${nodeText(n)}`, 'wrong-argument-type');
      case 'float64':
        if (n.kind === 'number' && n.isFloat) return n.float;
        return this.errorf(`expected float; found ${nodeText(n)}`, 'wrong-argument-type');
      case 'int':
        if (n.kind === 'number' && n.isInt) return n.int;
        return this.errorf(`expected integer; found ${nodeText(n)}`, 'wrong-argument-type');
      case 'string':
        if (n.kind === 'string') return n.text;
        return this.errorf(`expected string; found ${nodeText(n)}`, 'wrong-argument-type');
      case 'any':
      case 'value':
      case undefined:
        return this.evalEmptyInterface(dot, n);
    }
    return this.errorf(`can't handle ${nodeText(n)} for arg of type ${goTypeName(type)}`, 'wrong-argument-type');
  }

  private evalEmptyInterface(dot: unknown, n: ArgNode): unknown {
    this.node = n;
    switch (n.kind) {
      case 'bool':
        return n.value;
      case 'dot':
        return dot;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
      default:
        return this.errorf(`can't handle assignment of ${nodeText(n)} to empty interface argument`);
    }
  }

  private printValue(node: Node, value: unknown): void {
    this.node = node;
    if (value === undefined) {
      this.out += '<no value>';
      return;
    }
    if (typeof value === 'function') this.errorf(`can't print ${nodeText(node)} of type ${typeName(value)}`);
    // an action prints what a pointer points to (text/template's printableValue): a struct's `{…}`, not `&{…}`
    this.out += typeof value === 'string' ? value : formatIndirect(value);
  }
}

/** Runs the tree named `name` over `data`; throws TemplateExecError. */
export function executeTree(ctx: ExecContext, name: string, data: unknown): string {
  // A nil root is Go's invalid reflect.Value: fields of it print <no value>.
  const root = data === null ? undefined : data;
  const state = new State(ctx, name, root);
  state.run(ctx.trees.get(name)?.root, root);
  return state.out;
}
