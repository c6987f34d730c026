// Go structs among the plain values: docker's list commands run --format over typed rows (`*formatter.ContainerContext`),
// where a missing field fails instead of printing `<no value>` as a map's missing key does.

const STRUCT_TYPE = Symbol('berth.template.struct');

/**
 * Marks `fields` (and returns it) as a Go struct of type `typeName`: `'formatter.Pair'` for a struct value,
 * `'*formatter.ContainerContext'` for a pointer to one, as docker's rows are. Its own enumerable properties are the
 * exported fields, in declaration order (the order `{{.}}` and `{{json .}}` show them); function-valued ones are its
 * methods, called as a map's are, and neither printed nor marshalled.
 */
export function goStruct<T extends object>(typeName: string, fields: T): T {
  Object.defineProperty(fields, STRUCT_TYPE, { value: typeName });
  return fields;
}

export type GoStructValue = Record<string, unknown>;

export function isGoStruct(value: unknown): value is GoStructValue {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, STRUCT_TYPE);
}

/** The struct's type as Go names it: `*formatter.ContainerContext`. */
export function structTypeName(value: GoStructValue): string {
  return (value as Record<symbol, string>)[STRUCT_TYPE] as string;
}

export function isPointerStruct(value: GoStructValue): boolean {
  return structTypeName(value).startsWith('*');
}

/** The type once a pointer is followed (Go's `indirect`), which index, len and range name: `formatter.ContainerContext`. */
export function indirectTypeName(value: GoStructValue): string {
  const name = structTypeName(value);
  return name.startsWith('*') ? name.slice(1) : name;
}

/** The data fields, in declaration order: methods are not fields. */
export function structFields(value: GoStructValue): string[] {
  return Object.keys(value).filter((key) => typeof value[key] !== 'function');
}
