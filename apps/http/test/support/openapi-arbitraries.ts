import fc from 'fast-check';

/** A JSON Schema as `/openapi.json` holds it (the parts the arbitraries read). */
export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly example?: unknown;
}

/** One parameter of an operation. */
export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly schema?: JsonSchema;
}

/** One operation of the document, as the property test drives it. */
export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly operationId: string;
  readonly parameters: readonly Parameter[];
  readonly body: JsonSchema | undefined;
}

/** What the document holds, as far as the test reads it. */
export interface OpenApiDocument {
  readonly paths: Readonly<
    Record<
      string,
      Readonly<
        Record<
          string,
          {
            operationId?: string;
            parameters?: Parameter[];
            requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
          }
        >
      >
    >
  >;
  readonly components?: { readonly schemas?: Readonly<Record<string, JsonSchema>> };
}

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);

/** Every operation of the document, with `$ref`s left for {@link inputArbitraries} to resolve. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId ?? `${method} ${path}`,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema,
      })),
  );
}

/** The characters PostgreSQL's text and jsonb refuse, and strings built around them. */
const UNSTORABLE = fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff');

/**
 * Strings from the whole Unicode range: any code point (`unit: 'binary'`, NUL included), any UTF-16 code unit
 * (lone surrogates included), NUL and lone surrogates on their own or inside ordinary text, blanks, long text.
 */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  // 'binary' makes whole code points only; any UTF-16 code unit makes lone surrogates too.
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
    maxLength: 20,
  }),
  UNSTORABLE,
  fc
    .tuple(fc.string({ maxLength: 12 }), UNSTORABLE, fc.string({ unit: 'grapheme', maxLength: 12 }))
    .map(([before, bad, after]) => before + bad + after),
  fc.constantFrom('', ' ', '   ', '\t\n', 'lone\ud800x', 'x\udc00', 'nul\u0000byte', '😀'.repeat(101)),
);

/** Puts one unstorable character somewhere inside a string that would otherwise pass. */
const spoiled = (valid: fc.Arbitrary<string>) =>
  fc
    .tuple(valid, UNSTORABLE, fc.nat())
    .map(
      ([text, bad, at]) => text.slice(0, at % (text.length + 1)) + bad + text.slice(at % (text.length + 1)),
    );

// `JSON.rawJSON` (Node 21+; the repository's `lib` is es2023): a number written exactly as its digits, so that
// a body carries 2^63 - 1 or forty nines as such, where a JavaScript number would round them.
const rawJson = (text: string): unknown =>
  (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON(text);

/**
 * Numbers where the columns and the runtime end, as text: PostgreSQL's `integer` (2^31) and `bigint` (2^63),
 * JavaScript's safe integers (2^53), past all of them (1e20, forty digits), past a double (Infinity once
 * parsed), and a fraction, next to zero, one and minus one.
 */
export const BOUNDARY_NUMBERS: readonly string[] = [
  '0',
  '1',
  '-1',
  '0.5',
  '2147483647',
  '2147483648',
  '-2147483648',
  '-2147483649',
  '9007199254740992',
  '9007199254740993',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775809',
  '9999999999999999999',
  '100000000000000000000',
  '1e20',
  '9'.repeat(40),
  `1${'0'.repeat(400)}`,
];

/** A schema's own bounds and their neighbours, where it has any. */
function boundsOf(schema: JsonSchema): string[] {
  const bounds = [schema.minimum, schema.maximum, schema.exclusiveMinimum, schema.exclusiveMaximum];
  return bounds
    .filter((bound) => bound !== undefined)
    .flatMap((bound) => [bound - 1, bound, bound + 1])
    .map(String);
}

/**
 * Numbers for an `integer` or `number` schema: small ones, which pass and reach the handler, and the boundary
 * ones, sent as their exact digits (in a query or path too: they print as their text).
 */
const numberArbitrary = (schema: JsonSchema): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: fc.integer({ min: -5, max: 200 }), weight: 2 },
    { arbitrary: fc.constantFrom(...BOUNDARY_NUMBERS, ...boundsOf(schema)).map(rawJson), weight: 2 },
    { arbitrary: hostileString, weight: 1 },
  );

/**
 * Strings of a `pattern`: ones that match it, and where it takes digits (an id of a `bigint` column), the
 * boundary numbers as text, so that a number the pattern lets through but the column cannot hold is tried.
 */
function patternArbitrary(source: string): fc.Arbitrary<string> {
  const pattern = new RegExp(source);
  const matching = fc.stringMatching(pattern);
  if (!BOUNDARY_NUMBERS.some((text) => pattern.test(text))) return matching;
  return fc.oneof(matching, fc.constantFrom(...BOUNDARY_NUMBERS));
}

/** Values the test knows reach deep (a real user's id), so a request gets past validation to the database. */
export interface KnownValues {
  readonly uuids: readonly string[];
}

/**
 * Arbitraries for one schema of a document: plausible values (a known id, an email address, a string of the
 * schema's pattern, the schema's enum), numbers at the edges of PostgreSQL's columns, the same with one
 * unstorable character put inside, and hostile strings in place of any value.
 */
export function schemaArbitrary(
  document: OpenApiDocument,
  known: KnownValues,
): (schema: JsonSchema | undefined) => fc.Arbitrary<unknown> {
  const resolve = (schema: JsonSchema): JsonSchema => {
    if (schema.$ref === undefined) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (target === undefined) throw new Error(`unresolved ${schema.$ref}`);
    return resolve(target);
  };
  const plausibleString = (schema: JsonSchema): fc.Arbitrary<string> => {
    if (schema.format === 'uuid') {
      return fc.oneof({ arbitrary: fc.constantFrom(...known.uuids), weight: 3 }, fc.uuid());
    }
    if (schema.format === 'email') return fc.emailAddress();
    if (schema.format === 'password') return fc.string({ minLength: 8, maxLength: 40 });
    if (schema.pattern !== undefined) return patternArbitrary(schema.pattern);
    if (typeof schema.example === 'string') return fc.oneof(fc.constant(schema.example), fc.string());
    return fc.string({ maxLength: 40 });
  };
  const arbitrary = (raw: JsonSchema | undefined, depth: number): fc.Arbitrary<unknown> => {
    if (raw === undefined || depth > 4) return fc.jsonValue({ maxDepth: 2 });
    const schema = resolve(raw);
    const choices = schema.anyOf ?? schema.oneOf ?? schema.allOf;
    if (choices !== undefined) return fc.oneof(...choices.map((choice) => arbitrary(choice, depth + 1)));
    if (schema.enum !== undefined) {
      return fc.oneof({ arbitrary: fc.constantFrom(...schema.enum), weight: 3 }, hostileString);
    }
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'string': {
        // Mostly plausible, so that a request often passes every other check and its one bad field reaches as
        // far as it can: the database, if nothing refused it before.
        const plausible = plausibleString(schema);
        return fc.oneof(
          { arbitrary: plausible, weight: 2 },
          { arbitrary: spoiled(plausible), weight: 2 },
          { arbitrary: hostileString, weight: 1 },
        );
      }
      case 'integer':
      case 'number':
        return numberArbitrary(schema);
      case 'boolean':
        return fc.oneof(fc.boolean(), hostileString);
      case 'array':
        return fc.array(arbitrary(schema.items, depth + 1), { maxLength: 3 });
      case 'object': {
        const properties = Object.entries(schema.properties ?? {});
        const record = fc.record(
          Object.fromEntries(properties.map(([key, value]) => [key, arbitrary(value, depth + 1)])),
          { requiredKeys: [] },
        );
        // Unknown fields, their names and values hostile too: they must be ignored, never stored.
        return fc
          .tuple(record, fc.dictionary(hostileString, hostileString, { maxKeys: 2 }))
          .map(([known, extra]) => ({ ...extra, ...known }));
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  };
  return (schema) => arbitrary(schema, 0);
}

/**
 * Percent-encodes text for a URL as a careless client would: each lone surrogate as the three bytes its code
 * point would take in UTF-8 (WTF-8), which are not valid UTF-8; everything else as UTF-8.
 */
export function encodeUrlText(text: string): string {
  let encoded = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
      encoded += bytes.map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    } else {
      encoded += encodeURIComponent(char);
    }
  }
  return encoded;
}

/**
 * Header values Node's fetch sends: printable ASCII. NUL, CR and LF never reach a server in a header (Node's
 * parser refuses them), and bytes over 0x7f are read as Latin-1, which PostgreSQL stores.
 */
export const headerValue: fc.Arbitrary<string> = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 40,
});
