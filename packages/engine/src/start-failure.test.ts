import { describe, expect, it } from 'vitest';
import { BadRequestError, ContainerStartError } from './errors';

const refused = (said: string) =>
  new ContainerStartError(
    new BadRequestError('bad-request', 'web', `POST /v1.41/containers/web/start failed with 400: ${said}`, {
      status: 400,
      method: 'POST',
      path: '/v1.41/containers/web/start',
      daemonMessage: said,
    }),
  );

describe('ContainerStartError', () => {
  it.each([
    ['exec: "nope": executable file not found in $PATH: unknown', 'command-not-found'],
    ['exec: "/bin/nope": stat /bin/nope: no such file or directory: unknown', 'command-not-found'],
    ['exec: "/etc/passwd": permission denied: unknown', 'command-not-executable'],
    ['exec: "/tmp": is a directory: unknown', 'command-not-executable'],
    ['Cannot link to a non running container: /web AS /agent/insideweb', 'other'],
  ])('%s → %s', (said, failure) => {
    const error = refused(said);
    expect(error.failure).toBe(failure);
    expect(error).toMatchObject({ status: 400, daemonMessage: said, code: 'container-start-failed' });
    expect(error.cause).toBeInstanceOf(BadRequestError);
  });
});
