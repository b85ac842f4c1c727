// Whether every value one JSON schema allows is allowed by another, as far as the API's schemas go: the
// basis of the breaking-change rules (inputs may only widen, outputs may only narrow). When in doubt it
// answers "incompatible": a false alarm costs a major changeset, a missed break costs a client.

const resolver =
  (document) =>
  (schema, seen = new Set()) => {
    let current = schema;
    while (current && typeof current === 'object' && current.$ref) {
      if (seen.has(current.$ref)) return {};
      seen.add(current.$ref);
      const name = current.$ref.replace('#/components/schemas/', '');
      current = document.components?.schemas?.[name];
    }
    return current ?? {};
  };

const typesOf = (s) => {
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  const values = s.enum ?? ('const' in s ? [s.const] : undefined);
  if (values)
    return [...new Set(values.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)))];
  return undefined;
};
const fits = (type, allowed) => allowed.includes(type) || (type === 'integer' && allowed.includes('number'));
const valuesOf = (s) => s.enum ?? ('const' in s ? [s.const] : undefined);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const LOWER = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems'];
const UPPER = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems'];

/**
 * The first reason some value valid for schema `a` (in document `da`) is invalid for `b` (in `db`), as
 * `{ at, rule, detail }`, or undefined when there is none. Rules: `type` and `values` (detail: what `a`
 * allows that `b` does not), `constraint` (detail: `b`'s bound), `required` (detail: whether `a` knew the
 * property), `closed`. Properties `a` does not mention are assumed unused (an added optional input is no break).
 */
export function incompatibility(a, da, b, db) {
  const ra = resolver(da);
  const rb = resolver(db);
  const walk = (x0, y0, at, depth) => {
    if (depth > 32) return undefined;
    const x = ra(x0);
    const y = rb(y0);
    for (const key of ['anyOf', 'oneOf']) {
      if (x[key]) {
        for (const branch of x[key]) {
          const why = walk(branch, y, at, depth + 1);
          if (why) return why;
        }
        return undefined;
      }
    }
    if (x.allOf) {
      const reasons = x.allOf.map((part) => walk(part, y, at, depth + 1));
      return reasons.some((why) => why === undefined) ? undefined : reasons[0];
    }
    if (y.allOf) {
      for (const part of y.allOf) {
        const why = walk(x, part, at, depth + 1);
        if (why) return why;
      }
      return undefined;
    }
    for (const key of ['anyOf', 'oneOf']) {
      if (y[key]) {
        const reasons = y[key].map((branch) => walk(x, branch, at, depth + 1));
        return reasons.some((why) => why === undefined) ? undefined : reasons[0];
      }
    }
    const ty = typesOf(y);
    const tx = typesOf(x);
    if (ty) {
      const lost = tx ? tx.filter((t) => !fits(t, ty)) : ['any type'];
      if (lost.length > 0) return { at, rule: 'type', detail: lost.join(' | ') };
    }
    const vy = valuesOf(y);
    if (vy) {
      const vx = valuesOf(x);
      const lost = vx ? vx.filter((v) => !vy.some((w) => same(v, w))) : undefined;
      if (!lost)
        return {
          at,
          rule: 'values',
          detail: 'values other than ' + vy.map((v) => JSON.stringify(v)).join(', '),
        };
      if (lost.length > 0)
        return { at, rule: 'values', detail: lost.map((v) => JSON.stringify(v)).join(', ') };
    }
    for (const key of ['format', 'pattern']) {
      if (y[key] !== undefined && y[key] !== x[key])
        return { at, rule: 'constraint', detail: `${key} ${y[key]}` };
    }
    for (const key of LOWER) {
      if (y[key] !== undefined && !(x[key] !== undefined && x[key] >= y[key]))
        return { at, rule: 'constraint', detail: `${key} ${y[key]}` };
    }
    for (const key of UPPER) {
      if (y[key] !== undefined && !(x[key] !== undefined && x[key] <= y[key]))
        return { at, rule: 'constraint', detail: `${key} ${y[key]}` };
    }
    if (x.items !== undefined || y.items !== undefined) {
      const why = walk(x.items ?? {}, y.items ?? {}, `${at}[]`, depth + 1);
      if (why) return why;
    }
    const xr = new Set(x.required ?? []);
    for (const name of y.required ?? []) {
      if (!xr.has(name))
        return {
          at: `${at}.${name}`,
          rule: 'required',
          detail: Boolean(x.properties && name in x.properties),
        };
    }
    for (const [name, property] of Object.entries(y.properties ?? {})) {
      if (x.properties && name in x.properties) {
        const why = walk(x.properties[name], property, `${at}.${name}`, depth + 1);
        if (why) return why;
      }
    }
    if (y.additionalProperties === false) {
      const extra = Object.keys(x.properties ?? {}).find((name) => !(name in (y.properties ?? {})));
      if (extra !== undefined) return { at: `${at}.${extra}`, rule: 'closed', detail: true };
    }
    return undefined;
  };
  return walk(a, b, '', 0);
}
