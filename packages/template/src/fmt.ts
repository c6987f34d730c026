// Go's fmt.Sprint, Sprintln and Sprintf over the values of values.ts: every verb, flag, width, precision and
// argument index Go's doPrintf reads, and its %!verb(type=value) spellings for whatever does not fit.

import { formatFloat } from './float-format';
import { type GoStructValue, isGoStruct, isPointerStruct, structFields, structTypeName } from './go-struct';
import { canBackquote, goQuote, goQuoteRune, goQuoteToASCII } from './quote';
import { codePoints, isPrintable } from './runes';
import { GoComplex, isMap, isStringSlice, sortedKeys, typeName } from './values';

const encoder = new TextEncoder();
const LOWER = '0123456789abcdefx';
const UPPER = '0123456789ABCDEFX';
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

function isNilValue(value: unknown): boolean {
  return value === null || value === undefined;
}

class Printer {
  buf = '';
  private plus = false;
  private minus = false;
  private sharp = false;
  private space = false;
  private zero = false;
  private sharpV = false;
  private plusV = false;
  private wid = 0;
  private widPresent = false;
  private prec = 0;
  private precPresent = false;
  private goodArgNum = true;
  private reordered = false;
  private arg: unknown;

  clearFlags(): void {
    this.plus = this.minus = this.sharp = this.space = this.zero = false;
    this.sharpV = false;
    this.plusV = false;
    this.widPresent = this.precPresent = false;
    this.wid = this.prec = 0;
  }

  private writePadding(n: number): void {
    if (n > 0) this.buf += (this.zero ? '0' : ' ').repeat(n);
  }

  private pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  private fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  private fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    let s = `U+${BigInt.asUintN(64, u).toString(16).toUpperCase().padStart(prec, '0')}`;
    const c = Number(BigInt.asUintN(64, u));
    if (this.sharp && u >= 0n && u <= 0x10ffffn && isPrintable(c)) s += ` '${String.fromCodePoint(c)}'`;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  private fmtInteger(value: bigint, base: number, isSigned: boolean, verb: string, digits: string): void {
    let u = isSigned ? value : BigInt.asUintN(64, value);
    const negative = isSigned && u < 0n;
    if (negative) u = -u;
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    let s = u.toString(base);
    if (digits === UPPER) s = s.toUpperCase();
    if (s.length < prec) s = s.padStart(prec, '0');
    if (this.sharp) {
      if (base === 2) s = `0b${s}`;
      else if (base === 8 && s[0] !== '0') s = `0${s}`;
      else if (base === 16) s = `0${digits[16]}${s}`;
    }
    if (verb === 'O') s = `0o${s}`;
    if (negative) s = `-${s}`;
    else if (this.plus) s = `+${s}`;
    else if (this.space) s = ` ${s}`;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  private fmtC(u: bigint): void {
    const n = BigInt.asUintN(64, u);
    let c = n > 0x10ffffn ? 0xfffd : Number(n);
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    this.pad(String.fromCodePoint(c));
  }

  private fmtQc(u: bigint): void {
    const n = BigInt.asUintN(64, u);
    const c = n > 0x10ffffn ? 0xfffd : Number(n);
    this.pad(goQuoteRune(c, this.plus));
  }

  private truncate(s: string): string {
    if (!this.precPresent) return s;
    let n = this.prec;
    let i = 0;
    for (const c of codePoints(s)) {
      if (n-- <= 0) break;
      i += c > 0xffff ? 2 : 1;
    }
    return s.slice(0, i);
  }

  private fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  private fmtQ(s: string): void {
    const t = this.truncate(s);
    if (this.sharp && canBackquote(t)) this.pad(`\`${t}\``);
    else if (this.plus) this.pad(goQuoteToASCII(t));
    else this.pad(goQuote(t));
  }

  private fmtSx(s: string, digits: string): void {
    const bytes = encoder.encode(s);
    let length = bytes.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) {
        width += 2;
      }
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let out = this.sharp ? `0${digits[16]}` : '';
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += ' ';
        if (this.sharp) out += `0${digits[16]}`;
      }
      const c = bytes[i] as number;
      out += (digits[c >> 4] as string) + (digits[c & 0xf] as string);
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  private fmtFloatWith(v: number, verb: string, prec: number): void {
    if (this.precPresent) prec = this.prec;
    let num = formatFloat(v, verb, prec);
    if (num[0] !== '-' && num[0] !== '+') num = `+${num}`;
    if (this.space && num[0] === '+' && !this.plus) num = ` ${num.slice(1)}`;
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = oldZero;
      return;
    }
    if (this.sharp && verb !== 'b') {
      let digits = 0;
      if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') {
        digits = prec;
        if (digits === -1) digits = 6;
      }
      let tail = '';
      let body = num;
      let hasDecimalPoint = false;
      let sawNonzeroDigit = false;
      for (let i = 1; i < body.length; i++) {
        const c = body[i] as string;
        if (c === '.') {
          hasDecimalPoint = true;
        } else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        } else {
          if (c !== '0') sawNonzeroDigit = true;
          if (sawNonzeroDigit) digits--;
        }
      }
      if (!hasDecimalPoint) {
        if (body.length === 2 && body[1] === '0') digits--;
        body += '.';
      }
      if (digits > 0) body += '0'.repeat(digits);
      num = body + tail;
    }
    if (this.plus || num[0] !== '+') {
      if (this.zero && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  private fmtFloat(v: number, verb: string): void {
    switch (verb) {
      case 'v':
        this.fmtFloatWith(v, 'g', -1);
        break;
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        this.fmtFloatWith(v, verb, -1);
        break;
      case 'f':
      case 'e':
      case 'E':
        this.fmtFloatWith(v, verb, 6);
        break;
      case 'F':
        this.fmtFloatWith(v, 'f', 6);
        break;
      default:
        this.badVerb(verb);
    }
  }

  private fmtComplex(v: GoComplex, verb: string): void {
    let format = verb;
    let prec = -1;
    switch (verb) {
      case 'v':
        format = 'g';
        break;
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        break;
      case 'f':
      case 'e':
      case 'E':
        prec = 6;
        break;
      case 'F':
        format = 'f';
        prec = 6;
        break;
      default:
        this.badVerb(verb);
        return;
    }
    const oldPlus = this.plus;
    this.buf += '(';
    this.fmtFloatWith(v.re, format, prec);
    this.plus = true;
    this.fmtFloatWith(v.im, format, prec);
    this.buf += 'i)';
    this.plus = oldPlus;
  }

  private fmtInt(v: bigint, verb: string): void {
    switch (verb) {
      case 'v':
      case 'd':
        this.fmtInteger(v, 10, true, verb, LOWER);
        break;
      case 'b':
        this.fmtInteger(v, 2, true, verb, LOWER);
        break;
      case 'o':
      case 'O':
        this.fmtInteger(v, 8, true, verb, LOWER);
        break;
      case 'x':
        this.fmtInteger(v, 16, true, verb, LOWER);
        break;
      case 'X':
        this.fmtInteger(v, 16, true, verb, UPPER);
        break;
      case 'c':
        this.fmtC(v);
        break;
      case 'q':
        this.fmtQc(v);
        break;
      case 'U':
        this.fmtUnicode(v);
        break;
      default:
        this.badVerb(verb);
    }
  }

  private fmtString(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        break;
      case 's':
        this.fmtS(v);
        break;
      case 'x':
        this.fmtSx(v, LOWER);
        break;
      case 'X':
        this.fmtSx(v, UPPER);
        break;
      case 'q':
        this.fmtQ(v);
        break;
      default:
        this.badVerb(verb);
    }
  }

  private badVerb(verb: string): void {
    this.buf += `%!${verb}(`;
    const arg = this.arg;
    if (!isNilValue(arg)) {
      this.buf += `${typeName(arg)}=`;
      this.printArg(arg, 'v');
    } else {
      this.buf += '<nil>';
    }
    this.buf += ')';
  }

  printArg(arg: unknown, verb: string): void {
    this.arg = arg;
    if (isNilValue(arg)) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeName(arg));
      return;
    }
    this.printValue(arg, verb, 0);
  }

  private printValue(value: unknown, verb: string, depth: number): void {
    if (depth > 0) this.arg = value;
    switch (typeof value) {
      case 'boolean':
        if (verb === 't' || verb === 'v') this.fmtBoolean(value);
        else this.badVerb(verb);
        return;
      case 'number':
        this.fmtFloat(value, verb);
        return;
      case 'bigint':
        this.fmtInt(value, verb);
        return;
      case 'string':
        this.fmtString(value, verb);
        return;
      case 'function':
        // Go prints a func's address; there is none to show, so a null address stands in.
        this.pad('0x0');
        return;
      case 'undefined':
        this.pad('<nil>');
        return;
    }
    if (value === null) {
      // A nil element of a slice or map: written as is, without the width a top-level nil argument gets.
      this.buf += this.sharpV ? 'interface {}(nil)' : '<nil>';
      return;
    }
    if (value instanceof GoComplex) {
      this.fmtComplex(value, verb);
      return;
    }
    if (Array.isArray(value)) {
      if (this.sharpV) {
        this.buf += `${typeName(value)}{`;
        value.forEach((element, i) => {
          if (i > 0) this.buf += ', ';
          this.printElement(element, verb, depth + 1, isStringSlice(value));
        });
        this.buf += '}';
      } else {
        this.buf += '[';
        value.forEach((element, i) => {
          if (i > 0) this.buf += ' ';
          this.printElement(element, verb, depth + 1, isStringSlice(value));
        });
        this.buf += ']';
      }
      return;
    }
    if (isGoStruct(value)) {
      this.printStruct(value, verb, depth);
      return;
    }
    if (isMap(value)) {
      this.buf += this.sharpV ? `${typeName(value)}{` : 'map[';
      sortedKeys(value).forEach((key, i) => {
        if (i > 0) this.buf += this.sharpV ? ', ' : ' ';
        this.printValue(key, verb, depth + 1);
        this.buf += ':';
        this.printElement(value[key], verb, depth + 1, false);
      });
      this.buf += this.sharpV ? '}' : ']';
    }
  }

  /**
   * printValue's reflect.Struct and reflect.Pointer cases: `{a b}`, `{A:a B:b}` for %+v, `T{A:"a", B:"b"}` for %#v,
   * with `&` before a pointer at the top; a pointer further in is an address, and there is none to show.
   */
  private printStruct(value: GoStructValue, verb: string, depth: number): void {
    if (isPointerStruct(value)) {
      if (depth > 0) {
        this.buf += this.sharpV ? `(${structTypeName(value)})(0x0)` : '0x0';
        return;
      }
      this.buf += '&';
    }
    this.printStructBody(value, verb, depth);
  }

  /** The struct a pointer points to, from its `{`. */
  printStructBody(value: GoStructValue, verb: string, depth: number): void {
    this.arg = value;
    if (this.sharpV) this.buf += structTypeName(value).replace(/^\*/, '');
    this.buf += '{';
    structFields(value).forEach((field, i) => {
      if (i > 0) this.buf += this.sharpV ? ', ' : ' ';
      if (this.plusV || this.sharpV) this.buf += `${field}:`;
      this.printElement(value[field], verb, depth + 1, false);
    });
    this.buf += '}';
  }

  /** An element of a []interface{} or map[string]interface{}: %#v spells its dynamic type where Go's would. */
  private printElement(value: unknown, verb: string, depth: number, concrete: boolean): void {
    if (value === undefined && !concrete) value = null;
    this.printValue(value, verb, depth);
  }

  doPrint(args: readonly unknown[]): void {
    let prevString = false;
    args.forEach((arg, i) => {
      const isString = typeof arg === 'string';
      if (i > 0 && !isString && !prevString) this.buf += ' ';
      this.printArg(arg, 'v');
      prevString = isString;
    });
  }

  doPrintln(args: readonly unknown[]): void {
    args.forEach((arg, i) => {
      if (i > 0) this.buf += ' ';
      this.printArg(arg, 'v');
    });
    this.buf += '\n';
  }

  private argNumber(argNum: number, format: string, i: number, numArgs: number): [number, number, boolean] {
    if (format.length <= i || format[i] !== '[') return [argNum, i, false];
    this.reordered = true;
    const [index, wid, ok] = parseArgNumber(format.slice(i));
    if (ok && index >= 0 && index < numArgs) return [index, i + wid, true];
    this.goodArgNum = false;
    return [argNum, i + wid, ok];
  }

  doPrintf(format: string, args: readonly unknown[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    this.reordered = false;
    let i = 0;
    formatLoop: while (i < end) {
      this.goodArgNum = true;
      const lasti = i;
      while (i < end && format[i] !== '%') i++;
      if (i > lasti) this.buf += format.slice(lasti, i);
      if (i >= end) break;
      i++;
      this.clearFlags();
      simpleFormat: for (; i < end; i++) {
        const c = format[i] as string;
        switch (c) {
          case '#':
            this.sharp = true;
            break;
          case '0':
            this.zero = !this.minus;
            break;
          case '+':
            this.plus = true;
            break;
          case '-':
            this.minus = true;
            this.zero = false;
            break;
          case ' ':
            this.space = true;
            break;
          default:
            if (c >= 'a' && c <= 'z' && argNum < args.length) {
              if (c === 'v') {
                this.sharpV = this.sharp;
                this.sharp = false;
                this.plusV = this.plus;
                this.plus = false;
              }
              this.printArg(args[argNum], c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simpleFormat;
        }
      }
      [argNum, i, afterIndex] = this.argNumber(argNum, format, i, args.length);
      if (i < end && format[i] === '*') {
        i++;
        [this.wid, this.widPresent, argNum] = intFromArg(args, argNum);
        if (!this.widPresent) this.buf += '%!(BADWIDTH)';
        if (this.wid < 0) {
          this.wid = -this.wid;
          this.minus = true;
          this.zero = false;
        }
        afterIndex = false;
      } else {
        [this.wid, this.widPresent, i] = parseNum(format, i, end);
        if (afterIndex && this.widPresent) this.goodArgNum = false;
      }
      if (i + 1 < end && format[i] === '.') {
        i++;
        if (afterIndex) this.goodArgNum = false;
        [argNum, i, afterIndex] = this.argNumber(argNum, format, i, args.length);
        if (i < end && format[i] === '*') {
          i++;
          [this.prec, this.precPresent, argNum] = intFromArg(args, argNum);
          if (this.prec < 0) {
            this.prec = 0;
            this.precPresent = false;
          }
          if (!this.precPresent) this.buf += '%!(BADPREC)';
          afterIndex = false;
        } else {
          [this.prec, this.precPresent, i] = parseNum(format, i, end);
          if (!this.precPresent) {
            this.prec = 0;
            this.precPresent = true;
          }
        }
      }
      if (!afterIndex) [argNum, i, afterIndex] = this.argNumber(argNum, format, i, args.length);
      if (i >= end) {
        this.buf += '%!(NOVERB)';
        break;
      }
      const verb = String.fromCodePoint(format.codePointAt(i) as number);
      i += verb.length;
      if (verb === '%') {
        this.buf += '%';
      } else if (!this.goodArgNum) {
        this.buf += `%!${verb}(BADINDEX)`;
      } else if (argNum >= args.length) {
        this.buf += `%!${verb}(MISSING)`;
      } else {
        if (verb === 'v') {
          this.sharpV = this.sharp;
          this.sharp = false;
          this.plusV = this.plus;
          this.plus = false;
        }
        this.printArg(args[argNum], verb);
        argNum++;
      }
    }
    if (!this.reordered && argNum < args.length) {
      this.clearFlags();
      this.buf += '%!(EXTRA ';
      args.slice(argNum).forEach((arg, k) => {
        if (k > 0) this.buf += ', ';
        if (isNilValue(arg)) this.buf += '<nil>';
        else {
          this.buf += `${typeName(arg)}=`;
          this.printArg(arg, 'v');
        }
      });
      this.buf += ')';
    }
  }
}

function parseNum(s: string, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end];
  let num = 0;
  let isNum = false;
  let i = start;
  for (; i < end && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57; i++) {
    if (tooLarge(num)) return [0, false, end];
    num = num * 10 + s.charCodeAt(i) - 48;
    isNum = true;
  }
  return [num, isNum, i];
}

function parseArgNumber(format: string): [number, number, boolean] {
  if (format.length < 3) return [0, 1, false];
  for (let i = 1; i < format.length; i++) {
    if (format[i] === ']') {
      const [width, ok, newi] = parseNum(format, 1, i);
      if (!ok || newi !== i) return [0, i + 1, false];
      return [width - 1, i + 1, true];
    }
  }
  return [0, 1, false];
}

function intFromArg(args: readonly unknown[], argNum: number): [number, boolean, number] {
  if (argNum >= args.length) return [0, false, argNum];
  const arg = args[argNum];
  let num = 0;
  let isInt = false;
  if (typeof arg === 'bigint' && arg >= INT64_MIN && arg <= INT64_MAX) {
    num = Number(arg);
    isInt = true;
  }
  if (tooLarge(num)) {
    num = 0;
    isInt = false;
  }
  return [num, isInt, argNum + 1];
}

/** fmt.Sprint */
export function sprint(args: readonly unknown[]): string {
  const p = new Printer();
  p.doPrint(args);
  return p.buf;
}

/** fmt.Sprintln */
export function sprintln(args: readonly unknown[]): string {
  const p = new Printer();
  p.doPrintln(args);
  return p.buf;
}

/** fmt.Sprintf */
export function sprintf(format: string, args: readonly unknown[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}

/** fmt.Sprint of one value. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  const p = new Printer();
  p.printArg(value, 'v');
  return p.buf;
}

/** What an action prints, and range's error shows: the value a pointer points to (text/template's `indirect`). */
export function formatIndirect(value: unknown): string {
  if (typeof value === 'string') return value;
  const p = new Printer();
  if (isGoStruct(value)) p.printStructBody(value, 'v', 0);
  else p.printArg(value, 'v');
  return p.buf;
}
