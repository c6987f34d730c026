export * from './api-version';
export { BerthError, type BerthErrorOptions } from './berth-error';
export type * from './container';
export type * from './event-source';
export type * from './events';
export { FilterSyntaxError, parseFilters } from './filters';
export type * from './network';
export type * from './service';
export type * from './volume';
