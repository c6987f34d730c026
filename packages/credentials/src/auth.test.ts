import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CredentialsError, decodeAuth, encodeAuth, registryAuth } from './index';

describe('encodeAuth / decodeAuth', () => {
  it('is base64 of user:password, as docker writes it', () => {
    expect(encodeAuth('berth', 's3cret')).toBe('YmVydGg6czNjcmV0');
    expect(decodeAuth('YmVydGg6czNjcmV0', 'localhost:5000')).toEqual({ username: 'berth', password: 's3cret' });
  });

  it('keeps colons after the first in the password', () => {
    expect(decodeAuth(encodeAuth('u', 'a:b:c'), 'x')).toEqual({ username: 'u', password: 'a:b:c' });
  });

  it('round-trips any user without a colon and any password', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes(':')),
        fc.string(),
        (username, password) => {
          expect(decodeAuth(encodeAuth(username, password), 'x')).toEqual({ username, password });
        },
      ),
    );
  });

  it.each([
    ['!!', 'not base64'],
    ['YWJj', 'no user:password'],
  ])('refuses %s (%s), naming the server and never the value', (auth, rule) => {
    const error = (() => {
      try {
        decodeAuth(auth, 'localhost:5000');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error).toMatchObject({ code: 'auth-invalid', input: 'localhost:5000' });
    expect((error as Error).message).toContain(rule);
    expect((error as Error).message).not.toContain(auth);
  });
});

describe('registryAuth', () => {
  it('is the engine’s X-Registry-Auth body', () => {
    expect(registryAuth({ serverAddress: 'localhost:5000', username: 'u', password: 'p' })).toEqual({
      username: 'u',
      password: 'p',
      serveraddress: 'localhost:5000',
    });
  });
});
