import type { FieldIssue } from './errors.js';
import { jsonPointer } from './json-pointer.js';

// JSON carries NUL and UTF-16 surrogates without their partner; PostgreSQL's text and jsonb refuse both.
const MAX_ISSUES = 20;

type WellFormedText = string & { isWellFormed(): boolean };

/** The message of every issue {@link unstorableTextIssues} reports. */
export const UNSTORABLE_TEXT_MESSAGE =
  'Must not contain a NUL character (\\u0000) or an unpaired UTF-16 surrogate';

/** Whether PostgreSQL can store `text` in a `text` or `jsonb` column: no NUL character, no unpaired surrogate. */
export function isStorableText(text: string): boolean {
  // `isWellFormed` (ES2024, in every Node this supports; the lib here is ES2023) is false exactly when a
  // surrogate lacks its partner: a native scan, where a regular expression with a lookbehind cost ~0.1 µs a
  // string.
  return !text.includes('\u0000') && (text as WellFormedText).isWellFormed();
}

/**
 * One issue per string anywhere in `value` (an array element, an object's value or key, at any depth) that
 * PostgreSQL cannot store, pointing at it from `value` (a key's pointer names the key itself); at most 20.
 * Walks plain data only (what JSON parsing or a schema produces), without recursion, so depth costs no stack.
 */
export function unstorableTextIssues(value: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const report = (at: Step) =>
    issues.push({ pointer: jsonPointer(pathOf(at)), message: UNSTORABLE_TEXT_MESSAGE });
  const pending: Step[] = [{ value, key: undefined, parent: undefined }];
  for (let step = pending.pop(); step !== undefined && issues.length < MAX_ISSUES; step = pending.pop()) {
    const current = step.value;
    if (typeof current === 'string') {
      if (!isStorableText(current)) report(step);
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) {
        pending.push({ value: current[index], key: index, parent: step });
      }
    } else if (current !== null && typeof current === 'object' && isPlain(current)) {
      // Last key first, so the first comes off the stack first; no entry arrays are made.
      const keys = Object.keys(current);
      for (let index = keys.length - 1; index >= 0; index--) {
        const key = keys[index] as string;
        const child = { value: (current as Record<string, unknown>)[key], key, parent: step };
        if (!isStorableText(key)) report(child);
        else pending.push(child);
      }
    }
  }
  return issues.slice(0, MAX_ISSUES);
}

/** A value met on the walk, linked to its parent so a path is built only for what is reported. */
interface Step {
  readonly value: unknown;
  readonly key: PropertyKey | undefined;
  readonly parent: Step | undefined;
}

function pathOf(step: Step): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at: Step | undefined = step; at?.parent !== undefined; at = at.parent)
    path.push(at.key as PropertyKey);
  return path.toReversed();
}

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
