import { describe, expect, it } from 'vitest';
import { parseStrictJsonObject } from './strict-json.js';

describe('parseStrictJsonObject', () => {
  it.each([
    '{}',
    '{"a":1,"b":[1,2,{"a":1}],"c":{"d":null,"e":true,"f":false},"g":-1.5e+3,"h":"x\\"y\\u0041"}',
    ' \n{ "a" : [ ] , "b" : { } }\t',
    '{"a":{"x":1},"b":{"x":2}}',
    // Colons and quotes inside strings must not be mistaken for keys.
    '{"a":["b",": "],"c":"x:y","d":"\\":"}',
    String.raw`{"k":"\\","l":"\\\":"}`,
    '{"__proto_":1,"a:b":{"a:b":2}}',
  ])('accepts %s exactly as JSON.parse reads it', (text) => {
    expect(parseStrictJsonObject(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it.each([
    ['a duplicate key', '{"a":1,"a":2}'],
    ['a duplicate key spelled with an escape', '{"a":1,"\\u0061":2}'],
    ['a nested duplicate key', '{"x":{"b":1,"b":2}}'],
    ['a duplicate key inside an array', '{"x":[{"k":1,"k":1}]}'],
    ['a __proto__ key', '{"__proto__":{"admin":true}}'],
    ['an array', '[1]'],
    ['a string', '"x"'],
    ['trailing text', '{} {}'],
    ['a trailing comma', '{"a":1,}'],
    ['a single-quoted key', "{'a':1}"],
    ['a bare word', '{"a":undefined}'],
    ['a leading-zero number', '{"a":01}'],
    ['a raw control character', '{"a":"\u0001"}'],
    ['a bad escape', '{"a\\x":1}'],
    ['an unterminated string', '{"a":"x}'],
    ['deep nesting', `{"a":${'['.repeat(100)}${']'.repeat(100)}}`],
    ['a byte-order mark', '\ufeff{}'],
    ['empty text', ''],
  ])('rejects %s', (_label, text) => {
    expect(parseStrictJsonObject(text).ok).toBe(false);
  });
});
