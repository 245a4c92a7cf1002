import { describe, expect, it } from 'vitest';
import { convertSchema30 } from './convert.js';

function converted(schema: object): unknown {
  const copy = structuredClone(schema);
  convertSchema30(copy);
  return copy;
}

describe('validate-openapi: OpenAPI 3.0 schemas to JSON Schema', () => {
  it('turns nullable into a null type, and adds null to an enum', () => {
    expect(converted({ type: 'string', nullable: true })).toEqual({ type: ['string', 'null'] });
    expect(converted({ type: 'string', enum: ['a'], nullable: true })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(converted({ type: 'string', nullable: false })).toEqual({ type: 'string' });
  });

  it('admits null next to a composed or referenced schema without loosening it', () => {
    expect(converted({ allOf: [{ $ref: '#/components/schemas/A' }], nullable: true })).toEqual({
      anyOf: [{ type: 'null' }, { allOf: [{ $ref: '#/components/schemas/A' }] }],
    });
    expect(converted({ $ref: '#/components/schemas/A', nullable: true })).toEqual({
      anyOf: [{ type: 'null' }, { $ref: '#/components/schemas/A' }],
    });
    expect(converted({ nullable: true, minLength: 2 })).toEqual({ anyOf: [{ type: 'null' }, { minLength: 2 }] });
  });

  it('turns boolean exclusive bounds into numeric ones', () => {
    expect(converted({ type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: true })).toEqual({
      type: 'number',
      exclusiveMinimum: 0,
      exclusiveMaximum: 9,
    });
    expect(converted({ type: 'number', minimum: 0, exclusiveMinimum: false })).toEqual({ type: 'number', minimum: 0 });
  });

  it('converts nested schemas: properties, items, additionalProperties, compositions and not', () => {
    const nullableString = { type: 'string', nullable: true };
    const schema = {
      type: 'object',
      properties: { a: nullableString },
      patternProperties: { '^x': nullableString },
      additionalProperties: nullableString,
      allOf: [{ properties: { b: { type: 'array', items: nullableString } } }],
      not: nullableString,
    };
    const out = converted(schema) as Record<string, unknown>;
    const expected = { type: ['string', 'null'] };
    expect(out.properties).toEqual({ a: expected });
    expect(out.patternProperties).toEqual({ '^x': expected });
    expect(out.additionalProperties).toEqual(expected);
    expect(out.allOf).toEqual([{ properties: { b: { type: 'array', items: expected } } }]);
    expect(out.not).toEqual(expected);
  });

  it('leaves annotations and non-objects alone', () => {
    expect(converted({ type: 'string', example: 'x', discriminator: { propertyName: 't' } })).toEqual({
      type: 'string',
      example: 'x',
      discriminator: { propertyName: 't' },
    });
    expect(() => convertSchema30(true)).not.toThrow();
  });
});
