import { describe, expect, it } from 'vitest';
import { goJson, indentedJsonList } from './go-json';

describe('Go JSON', () => {
  it('escapes as the daemon does', () => {
    expect(goJson({ Cmd: ['a<b', 'c&d>'] })).toBe('{"Cmd":["a\\u003cb","c\\u0026d\\u003e"]}');
  });

  it('indents a list by four spaces, empty objects kept short', () => {
    expect(indentedJsonList([{ Id: 'x', Labels: {}, Args: [] }])).toBe(
      '[\n    {\n        "Id": "x",\n        "Labels": {},\n        "Args": []\n    }\n]',
    );
    expect(indentedJsonList([])).toBe('[]');
  });
});
