import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServiceSpecError } from './errors';
import { parseLogDetails, parseTaskLogLine, taskLogContext, taskLogPrefix } from './task-log';

const CONTEXT = 'com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=t1';
const bytes = (text: string) => Buffer.from(text, 'utf8');

function refusal(action: () => unknown): ServiceSpecError | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof ServiceSpecError) return error;
    throw error;
  }
  return undefined;
}

describe('parseLogDetails', () => {
  it.each([
    ['a=b', { a: 'b' }],
    ['a=b,c=d', { a: 'b', c: 'd' }],
    ['a=', { a: '' }],
    ['a=b=c', { a: 'b=c' }],
    ['k%3Dx=v%2Cw', { 'k=x': 'v,w' }],
    ['a=one+two', { a: 'one two' }],
    ['a=1,a=2', { a: '2' }],
  ])('%s', (details, map) => {
    expect(parseLogDetails(details)).toEqual(map);
  });

  it.each([
    ['', 'invalid details format'],
    ['a', 'invalid details format'],
    ['=b', 'invalid details format'],
    ['a=b,', 'invalid details format'],
    ['a=%zz', 'invalid URL escape in details: %zz'],
  ])('refuses %j: %s', (details, message) => {
    const error = refusal(() => parseLogDetails(details));
    expect(error?.code).toBe('invalid-log-details');
    expect(error?.message).toBe(message);
  });

  it('reads back any map written as the engine escapes it', () => {
    const text = fc.string({ minLength: 1, unit: 'grapheme' });
    fc.assert(
      fc.property(fc.dictionary(text, fc.string({ unit: 'grapheme' }), { minKeys: 1 }), (map) => {
        const queryEscape = (part: string) => encodeURIComponent(part).replaceAll('%20', '+');
        const details = Object.entries(map)
          .map(([key, value]) => `${queryEscape(key)}=${queryEscape(value)}`)
          .join(',');
        expect(parseLogDetails(details)).toEqual(map);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('taskLogContext', () => {
  it('takes the three ids out and keeps the rest', () => {
    expect(taskLogContext({ ...parseLogDetails(CONTEXT), tag: 'x' })).toEqual({
      nodeId: 'n1',
      serviceId: 's1',
      taskId: 't1',
      details: { tag: 'x' },
    });
  });

  it.each([
    [{ 'com.docker.swarm.service.id': 's', 'com.docker.swarm.task.id': 't' }, 'node id'],
    [{ 'com.docker.swarm.node.id': 'n', 'com.docker.swarm.task.id': 't' }, 'service id'],
    [{ 'com.docker.swarm.node.id': 'n', 'com.docker.swarm.service.id': 's', b: '2', a: '1' }, 'task id'],
  ])('refuses details without a %s', (details, label) => {
    const error = refusal(() => taskLogContext(details));
    expect(error?.message).toMatch(new RegExp(`^missing ${label} in details: map\\[`));
  });

  it("prints the rest as Go's %v of a map, keys in order", () => {
    const error = refusal(() =>
      taskLogContext({ 'com.docker.swarm.node.id': 'n', 'com.docker.swarm.service.id': 's', b: '2', a: '1' }),
    );
    expect(error?.message).toBe('missing task id in details: map[a:1 b:2]');
  });
});

describe('parseTaskLogLine', () => {
  it('cuts details and message', () => {
    const line = parseTaskLogLine(bytes(`${CONTEXT} hello world\n`));
    expect(line.timestamp).toBeUndefined();
    expect(line.context.taskId).toBe('t1');
    expect(Buffer.from(line.message).toString()).toBe('hello world\n');
  });

  it('cuts a timestamp first when asked for one', () => {
    const line = parseTaskLogLine(bytes(`2026-12-02T16:00:00.123456789Z ${CONTEXT} up\n`), { timestamps: true });
    expect(line.timestamp).toBe('2026-12-02T16:00:00.123456789Z');
    expect(Buffer.from(line.message).toString()).toBe('up\n');
  });

  it('keeps the bytes of the message as they are', () => {
    const message = Buffer.from([0xff, 0x20, 0xc3, 0x0a]);
    const line = parseTaskLogLine(Buffer.concat([bytes(`${CONTEXT} `), message]));
    expect(Buffer.from(line.message)).toEqual(message);
  });

  it('refuses a frame without a context', () => {
    expect(refusal(() => parseTaskLogLine(bytes('no-space\n')))?.message).toBe(
      'invalid context in log message: no-space\n',
    );
    expect(refusal(() => parseTaskLogLine(bytes(`${CONTEXT}\n`), { timestamps: true }))?.code).toBe(
      'invalid-log-details',
    );
  });

  it('gives back any message after any context', () => {
    fc.assert(
      fc.property(fc.uint8Array(), fc.boolean(), (message, timestamps) => {
        const head = bytes(`${timestamps ? '2026-12-02T16:00:00Z ' : ''}${CONTEXT} `);
        const line = parseTaskLogLine(Buffer.concat([head, message]), { timestamps });
        expect(Buffer.from(line.message)).toEqual(Buffer.from(message));
      }),
    );
  });
});

describe('taskLogPrefix', () => {
  const names = { service: 'web', slot: 3, taskId: 'abcdefghijklmnopqrstuvwxyz', node: 'box' };
  it.each([
    [{}, 'web.3.abcdefghijkl@box'],
    [{ noTrunc: true }, 'web.3.abcdefghijklmnopqrstuvwxyz@box'],
    [{ noTaskIds: true }, 'web.3@box'],
    [{ replicas: 10 }, 'web.3.abcdefghijkl@box '],
    [{ replicas: 100, noTaskIds: true }, 'web.3@box  '],
    [{ replicas: 2 }, 'web.3.abcdefghijkl@box'],
  ])('%j', (options, prefix) => {
    expect(taskLogPrefix(names, options)).toBe(prefix);
  });
});
