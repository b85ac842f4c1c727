// Compares two OpenAPI documents of the API and sorts the differences: breaking (a removed operation, a
// removed or loosened response field, a narrowed input, a new required input) or not (everything else).
import { incompatibility } from './schema-incompatibility.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const field = (at) => (at === '' ? 'the body' : `field ${at.slice(1)}`);

/** How a reason from `incompatibility(old, new)` reads for an input (a request the server accepts). */
function inputBreak({ at, rule, detail }) {
  if (rule === 'required')
    return detail ? `${field(at)} is now required` : `${field(at)} is a new required field`;
  if (rule === 'closed') return `${field(at)} is no longer accepted`;
  if (rule === 'constraint') return `${field(at)} is narrowed to ${detail}`;
  return `${field(at)} no longer accepts ${detail}`;
}

/** How a reason from `incompatibility(new, old)` reads for an output (what clients receive). */
function outputBreak({ at, rule, detail }) {
  if (rule === 'required') return detail ? `${field(at)} may now be missing` : `${field(at)} was removed`;
  if (rule === 'closed') return `${field(at)} is new in a closed object`;
  if (rule === 'constraint') return `${field(at)} is no longer bounded by ${detail}`;
  return `${field(at)} may now be ${detail}`;
}

function operationsOf(document) {
  const out = new Map();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) if (item[method]) out.set(`${method.toUpperCase()} ${path}`, item[method]);
  }
  return out;
}

function parameterBreaks(name, before, after, docs, breaking) {
  const index = (op) => new Map((op.parameters ?? []).map((p) => [`${p.in} ${p.name}`, p]));
  const old = index(before);
  for (const [id, parameter] of index(after)) {
    const previous = old.get(id);
    if (!previous) {
      if (parameter.required) breaking.push(`${name}: ${id} parameter is new and required`);
    } else if (parameter.required && !previous.required) {
      breaking.push(`${name}: ${id} parameter is now required`);
    } else {
      const why = incompatibility(previous.schema ?? {}, docs[0], parameter.schema ?? {}, docs[1]);
      if (why) breaking.push(`${name}: ${id} parameter: ${inputBreak(why).replace('the body', 'its value')}`);
    }
  }
}

function bodyBreaks(name, before, after, docs, breaking) {
  const old = before.requestBody;
  const now = after.requestBody;
  if (!now) return;
  if (!old) {
    if (now.required) breaking.push(`${name}: a request body is now required`);
    return;
  }
  if (now.required && !old.required) breaking.push(`${name}: the request body is now required`);
  for (const [type, media] of Object.entries(old.content ?? {})) {
    const next = now.content?.[type];
    if (!next) breaking.push(`${name}: request body ${type} is no longer accepted`);
    else {
      const why = incompatibility(media.schema ?? {}, docs[0], next.schema ?? {}, docs[1]);
      if (why) breaking.push(`${name}: request body: ${inputBreak(why)}`);
    }
  }
}

function responseBreaks(name, before, after, docs, breaking) {
  for (const [status, response] of Object.entries(before.responses ?? {})) {
    const next = after.responses?.[status];
    if (!next) {
      if (status.startsWith('2')) breaking.push(`${name}: response ${status} was removed`);
      continue;
    }
    for (const [type, media] of Object.entries(response.content ?? {})) {
      const now = next.content?.[type];
      if (!now) breaking.push(`${name}: response ${status} ${type} was removed`);
      else {
        const why = incompatibility(now.schema ?? {}, docs[1], media.schema ?? {}, docs[0]);
        if (why) breaking.push(`${name}: response ${status}: ${outputBreak(why)}`);
      }
    }
  }
}

/** The differences from `before` to `after`: `breaking` and `other` messages (both empty when equal). */
export function diffApi(before, after) {
  const breaking = [];
  const other = [];
  const docs = [before, after];
  const old = operationsOf(before);
  const now = operationsOf(after);
  for (const [name, operation] of old) {
    const next = now.get(name);
    if (!next) {
      breaking.push(`${name} was removed`);
      continue;
    }
    parameterBreaks(name, operation, next, docs, breaking);
    bodyBreaks(name, operation, next, docs, breaking);
    responseBreaks(name, operation, next, docs, breaking);
    if (!same(operation, next) && !breaking.some((b) => b.startsWith(`${name}:`)))
      other.push(`${name} changed`);
  }
  for (const name of now.keys()) if (!old.has(name)) other.push(`${name} was added`);
  const schemas = [before, after].map((d) => d.components?.schemas ?? {});
  for (const name of new Set([...Object.keys(schemas[0]), ...Object.keys(schemas[1])])) {
    if (!same(schemas[0][name], schemas[1][name])) other.push(`schema ${name} changed`);
  }
  if (other.length === 0 && breaking.length === 0 && !same(before, after)) other.push('the document changed');
  return { breaking, other };
}
