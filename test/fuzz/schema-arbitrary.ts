import fc from 'fast-check';

/** The subset of JSON Schema (as the OpenAPI document gives it) the fuzzer reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
}

/** Strings that have broken servers before: NUL, escapes, SQL and markup, huge and odd Unicode. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  "'; DROP TABLE tickets; --",
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '../../etc/passwd',
  '%00',
  '%E0%A4%A',
  '\uD800',
  '🙂'.repeat(50),
  'x'.repeat(10_001),
  '3578014501900001',
  '-1',
  '1e309',
  'NaN',
  'null',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...NASTY_STRINGS, null, true, -1, 0, 2 ** 53, 1.5, [], {}),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

export interface SchemaContext {
  resolve(ref: string): JsonSchema | undefined;
  /** Ids that exist in the seeded world, so some requests get past the lookups. */
  knownIds: string[];
  knownSlugs: string[];
}

const iso = (d: Date) => d.toISOString();
const dateArb = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true });

function stringArb(s: JsonSchema, ctx: SchemaContext): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [];
  if (s.format === 'uuid') options.push(fc.constantFrom(...ctx.knownIds), fc.uuid());
  else if (s.format === 'email') options.push(fc.emailAddress());
  else if (s.format === 'date-time') options.push(dateArb.map(iso));
  else if (s.format === 'date') options.push(dateArb.map((d) => iso(d).slice(0, 10)));
  else if (s.format === 'uri') options.push(fc.webUrl());
  else if (s.pattern) {
    try {
      options.push(fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 500)));
    } catch {
      // a pattern JavaScript cannot compile: fall through to plain strings
    }
  }
  if (/slug/i.test(s.pattern ?? '')) options.push(fc.constantFrom(...ctx.knownSlugs));
  options.push(fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 60, 200) }));
  return fc.oneof(...options);
}

/**
 * Values for a schema: mostly valid ones (so requests reach the services and the database), with
 * a share of wrong types and nasty strings at every level.
 */
export function fromSchema(schema: JsonSchema | undefined, ctx: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  const good = validFromSchema(schema, ctx, depth);
  return fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: junk });
}

function validFromSchema(schema: JsonSchema | undefined, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return junk;
  if (schema.$ref) return validFromSchema(ctx.resolve(schema.$ref), ctx, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => validFromSchema(a, ctx, depth + 1)));
  if (schema.allOf?.length) return validFromSchema(schema.allOf[schema.allOf.length - 1], ctx, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => validFromSchema({ ...schema, type }, ctx, depth)));
  switch (types[0]) {
    case 'string':
      return stringArb(schema, ctx);
    case 'integer': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 100_000);
      return fc.oneof(fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }), fc.constantFrom(min - 1, max + 1));
    }
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromSchema(schema.items, ctx, depth + 1), { maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'object': {
      const props = schema.properties ?? {};
      const keys = Object.keys(props);
      if (!keys.length) return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const k of keys) record[k] = fromSchema(props[k], ctx, depth + 1);
      const required = (schema.required ?? []).filter((k) => keys.includes(k));
      return fc.record(record, { requiredKeys: required });
    }
    default:
      return junk;
  }
}
