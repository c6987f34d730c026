import { describe, expect, it } from 'vitest';
import { BerthError } from './berth-error';

class ExampleError extends BerthError {}

describe('BerthError', () => {
  it('carries code, input, message, name and cause', () => {
    const cause = new RangeError('inner');
    const error = new ExampleError('invalid-format', 'x:y', 'invalid reference format: x:y', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(BerthError);
    expect(error).toBeInstanceOf(ExampleError);
    expect(error.name).toBe('ExampleError');
    expect(error.code).toBe('invalid-format');
    expect(error.input).toBe('x:y');
    expect(error.cause).toBe(cause);
  });

  it('recognises an error from another copy of the class by its brand', () => {
    const foreign = Object.assign(new Error('from a bundled copy'), { [Symbol.for('berth.error')]: true });
    expect(foreign).toBeInstanceOf(BerthError);
    expect(new Error('plain')).not.toBeInstanceOf(BerthError);
    expect(new BerthError('x', 'y', 'z')).not.toBeInstanceOf(ExampleError);
  });
});
