// Turns the committed OpenAPI document into the TypeScript types of @contextflow/client: one type per
// component schema and a `Paths` table (per path and method: params, query, headers, body, responses by
// status), plus the documented statuses as a runtime table. Covers the JSON Schema the API uses.

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const HEADER = '// Generated from openapi.snapshot.json by `pnpm api:snapshot`. Do not edit.\n';

const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
const typeName = (ref) => ref.replace('#/components/schemas/', '').replace(/[^\w$]/g, '_');
const doc = (text, indent) =>
  text
    ? `${indent}/** ${String(text)
        .replace(/\*\//g, '*\\/')
        .replace(/\s*\n\s*/g, ' ')} */\n`
    : '';

/** The TypeScript type of a JSON schema (references become the component's type name). */
export function typeOf(schema, indent = '') {
  if (schema === undefined || schema === true) return 'unknown';
  if (schema === false) return 'never';
  if (schema.$ref) return typeName(schema.$ref);
  if ('const' in schema) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.anyOf || schema.oneOf)
    return union((schema.anyOf ?? schema.oneOf).map((s) => typeOf(s, indent)));
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => typeOf(s, indent)).filter((t) => t !== 'unknown');
    return parts.length === 0 ? 'unknown' : parts.join(' & ');
  }
  if (Array.isArray(schema.type))
    return union(schema.type.map((type) => typeOf({ ...schema, type }, indent)));
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      const item = typeOf(schema.items, indent);
      return /^[\w$."]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
    }
    case 'object':
      return objectType(schema, indent);
    default:
      return 'unknown';
  }
}

function union(types) {
  const unique = [...new Set(types)];
  return unique.includes('unknown') ? 'unknown' : unique.join(' | ');
}

function objectType(schema, indent) {
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const lines = Object.entries(schema.properties ?? {}).map(
    ([name, property]) =>
      `${doc(property.description, inner)}${inner}${key(name)}${required.has(name) ? '' : '?'}: ${typeOf(property, inner)};\n`,
  );
  const extra = schema.additionalProperties;
  if (extra !== undefined && extra !== false) lines.push(`${inner}[key: string]: ${typeOf(extra, inner)};\n`);
  return lines.length === 0 ? 'Record<string, never>' : `{\n${lines.join('')}${indent}}`;
}

function parameterGroup(parameters, where, indent) {
  const group = parameters.filter((p) => p.in === where);
  if (group.length === 0) return undefined;
  const inner = `${indent}  `;
  const lines = group.map(
    (p) =>
      `${doc(p.description, inner)}${inner}${key(p.name)}${p.required ? '' : '?'}: ${typeOf(p.schema, inner)};\n`,
  );
  return { optional: group.every((p) => !p.required), type: `{\n${lines.join('')}${indent}}` };
}

const contentType = (content) =>
  content === undefined
    ? 'undefined'
    : union(Object.values(content).map((media) => typeOf(media.schema, '        ')));

function operationType(operation, indent) {
  const parameters = operation.parameters ?? [];
  const inner = `${indent}  `;
  let out = '';
  for (const [where, field] of [
    ['path', 'params'],
    ['query', 'query'],
    ['header', 'headers'],
  ]) {
    const group = parameterGroup(parameters, where, inner);
    if (group) out += `${inner}${field}${group.optional ? '?' : ''}: ${group.type};\n`;
  }
  const body = operation.requestBody;
  if (body) out += `${inner}body${body.required ? '' : '?'}: ${contentType(body.content)};\n`;
  const responses = Object.entries(operation.responses ?? {})
    .map(
      ([status, response]) =>
        `${doc(response.description, `${inner}  `)}${inner}  ${status}: ${contentType(response.content)};\n`,
    )
    .join('');
  out += `${inner}responses: {\n${responses}${inner}};\n`;
  return `{\n${out}${indent}}`;
}

/** TypeScript source of the client's types for an OpenAPI 3.1 document (not yet formatted). */
export function generateClientTypes(document) {
  let out = HEADER;
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    out += `\n${doc(schema.description ?? `\`${name}\` of the API.`, '')}export type ${typeName(name)} = ${typeOf(schema)};\n`;
  }
  out += `\n/** Every operation of the API by path and method: its inputs and its responses by status. */\nexport interface Paths {\n`;
  const statuses = {};
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    out += `  ${JSON.stringify(path)}: {\n`;
    statuses[path] = {};
    for (const method of METHODS.filter((m) => item[m])) {
      const operation = item[method];
      out += `${doc(operation.summary ?? operation.operationId, '    ')}    ${method}: ${operationType(operation, '    ')};\n`;
      statuses[path][method] = Object.keys(operation.responses ?? {}).map(Number);
    }
    out += '  };\n';
  }
  out += '}\n';
  out += `\n/** The statuses each operation documents; any other answer is an UnexpectedResponseError. */\nexport const DOCUMENTED_STATUSES: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>> = ${JSON.stringify(statuses)};\n`;
  return out;
}
