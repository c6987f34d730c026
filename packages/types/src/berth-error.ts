const BRAND = Symbol.for('berth.error');

export interface BerthErrorOptions {
  cause?: unknown;
}

/**
 * The base of every error a berth package throws. `code` is stable and kebab-case, `input` is the offending token.
 *
 * `instanceof BerthError` is answered by a brand rather than the prototype chain, so it holds even when a package
 * carries its own bundled copy of this class (as the zero-dependency ones do).
 */
export class BerthError extends Error {
  readonly code: string;
  readonly input: string;

  constructor(code: string, input: string, message: string, options?: BerthErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.input = input;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

// Brand-based for the base class, prototype-based for subclasses (an error of one kind is not of another).
Object.defineProperty(BerthError, Symbol.hasInstance, {
  value(this: typeof BerthError, value: unknown): boolean {
    if (this === BerthError) {
      return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
    }
    return Function.prototype[Symbol.hasInstance].call(this, value);
  },
});
