import { describe, expect, it } from 'vitest';
import { stripReplySchema } from './strip-reply-schema.js';

describe('stripReplySchema', () => {
  it('drops description keywords at every depth', () => {
    const schema = {
      description: 'top',
      anyOf: [
        { description: 'a', type: 'null' },
        { description: 'b', type: 'array', items: [{ description: 'c', type: 'string' }] },
      ],
      additionalProperties: { description: 'd', type: 'integer' },
    };
    expect(stripReplySchema(schema)).toEqual({
      anyOf: [{ type: 'null' }, { type: 'array', items: [{ type: 'string' }] }],
      additionalProperties: { type: 'integer' },
    });
  });

  it('keeps a property named "description" and strips inside it', () => {
    const schema = {
      type: 'object',
      properties: { description: { description: 'prose', type: 'string' } },
      patternProperties: { '^description$': { description: 'prose', type: 'string' } },
    };
    expect(stripReplySchema(schema)).toEqual({
      type: 'object',
      properties: { description: { type: 'string' } },
      patternProperties: { '^description$': { type: 'string' } },
    });
  });

  it('treats const values and other data as opaque', () => {
    const schema = { const: { description: 'a value, not prose' }, $ref: '#', pattern: '^x$' };
    expect(stripReplySchema(schema)).toEqual(schema);
  });

  it('keeps boolean schemas and does not mutate its input', () => {
    expect(stripReplySchema(true)).toBe(true);
    const schema = { description: 'x', type: 'string' };
    stripReplySchema(schema);
    expect(schema).toEqual({ description: 'x', type: 'string' });
  });
});
