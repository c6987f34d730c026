// What a template can call. A plain JavaScript function receives its arguments as JavaScript values (Go ints as
// numbers, a missing value as null) and may take any number of them; a typed function declares Go parameter types,
// so that the executor checks arguments and reports mismatches in Go's words, as it does for docker's functions.

/** A Go parameter type: `value` is reflect.Value (the raw argument, nil and missing values included). */
export type GoType = 'any' | 'value' | 'string' | 'int' | 'float64' | 'bool' | '[]string';

export interface TypedFunction {
  readonly params: readonly GoType[];
  /** The element type of a final variadic parameter. */
  readonly variadic?: GoType;
  readonly call: (...args: never[]) => unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: template functions take whatever the template passes them
export type PlainFunction = (...args: any[]) => unknown;

export type TemplateFunction = PlainFunction | TypedFunction;

export type FunctionMap = Readonly<Record<string, TemplateFunction>>;

/** Declares a function with Go parameter types (the last one variadic when `variadic` is given). */
export function typedFunction(
  params: readonly GoType[],
  call: (...args: never[]) => unknown,
  variadic?: GoType,
): TypedFunction {
  return variadic === undefined ? { params, call } : { params, variadic, call };
}

/** How Go spells a parameter type in its messages. */
export function goTypeName(type: GoType): string {
  switch (type) {
    case 'any':
      return 'interface {}';
    case 'value':
      return 'reflect.Value';
    default:
      return type;
  }
}
