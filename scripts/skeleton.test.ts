import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { checkSkeleton } from './skeleton.mjs';

const root = new URL('..', import.meta.url).pathname;
const copies: string[] = [];

/** A copy of the workspace's sources and manifests (no node_modules) to break on purpose. */
function workspaceCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cf-skeleton-'));
  copies.push(dir);
  const skip = /(^|\/)(node_modules|dist|\.turbo|\.git|coverage)(\/|$)/;
  cpSync(root, dir, { recursive: true, filter: (src) => !skip.test(src.slice(root.length)) });
  return dir;
}

/** Rewrites `path` (from the copy's root) with `edit`, failing when the edit changes nothing. */
function edit(dir: string, path: string, change: (text: string) => string): void {
  const file = join(dir, path);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${path} changed nothing`);
  writeFileSync(file, after);
}

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the skeleton check (scripts/check-skeleton.mjs)', () => {
  it('passes on the workspace as it is', () => {
    expect(checkSkeleton(root)).toEqual([]);
  });

  it('rejects a folder in a domain package', () => {
    const dir = workspaceCopy();
    mkdirSync(join(dir, 'packages/users-domain/src/rules'));
    writeFileSync(join(dir, 'packages/users-domain/src/rules/rule.ts'), 'export const rule = 1;\n');
    expect(checkSkeleton(dir)).toEqual([
      'packages/users-domain/src/rules: a domain package is flat: move what this folder holds to src/',
    ]);
  });

  it('rejects an errors.ts of another shape', () => {
    const dir = workspaceCopy();
    edit(
      dir,
      'packages/users-domain/src/errors.ts',
      (text) => `${text}\nexport const NOT_FOUND = 'users.not_found';\n`,
    );
    expect(checkSkeleton(dir)).toEqual([
      'packages/users-domain/src/errors.ts: errors.ts exports one object, `export const UsersErrors = Object.freeze({ … })`, a factory per error (exports now: UsersErrors, NOT_FOUND)',
    ]);
  });

  it('rejects a file loose at the root of an app package', () => {
    const dir = workspaceCopy();
    writeFileSync(join(dir, 'packages/users-app/src/helpers.ts'), 'export const helper = 1;\n');
    expect(checkSkeleton(dir)).toEqual([
      'packages/users-app/src/helpers.ts: nothing loose at the root of an app package: a use case folder, ports/, contracts/ or testing/',
    ]);
  });

  it('rejects an event contract of another style', () => {
    const dir = workspaceCopy();
    edit(dir, 'packages/users-app/src/contracts/user-renamed-v1.ts', (text) =>
      text
        .replace(
          /export const UserRenamedV1 = eventEnvelope\(/,
          'export const UserRenamedV1 = z.object({ e: ',
        )
        .replace(
          ', 1, z.object({ name: z.string() }));',
          ' z.object({ name: z.string() }) }); void eventEnvelope; void UsersEventTypes;',
        ),
    );
    expect(checkSkeleton(dir)).toEqual([
      'packages/users-app/src/contracts/user-renamed-v1.ts: an event contract is `export const UserRenamedV1 = eventEnvelope(UsersEventTypes.…, <version>, z.object(…))` and `export type UserRenamedV1 = z.infer<typeof UserRenamedV1>`',
    ]);
  });

  it('rejects an event reaction outside the infra package’s src/amqp', () => {
    const dir = workspaceCopy();
    writeFileSync(
      join(dir, 'packages/users-app/src/register-user/register-user-on-something.ts'),
      "import type { DomainEvent, EventHandler } from '@contextflow/core';\nexport class RegisterUserOnSomething implements EventHandler<DomainEvent> {\n  async handle(): Promise<void> {}\n}\n",
    );
    expect(checkSkeleton(dir)).toEqual([
      "packages/users-app/src/register-user/register-user-on-something.ts: an event reaction lives in the infra package's src/amqp/",
    ]);
  });

  it('rejects a queued command without a payload schema', () => {
    const dir = workspaceCopy();
    edit(dir, 'packages/users-infra/src/module.ts', (text) =>
      text.replace(/,?\s*payload: RenameUserPayloadSchema/, ''),
    );
    expect(checkSkeleton(dir)).toEqual([
      'packages/users-infra/src/module.ts: the queued command RenameUserCommand.type has no payload schema (`payload:`)',
    ]);
  });

  it('rejects a subscription without the contracts of the events it binds', () => {
    const dir = workspaceCopy();
    edit(dir, 'packages/users-infra/src/module.ts', (text) =>
      text.replace(/\s*contracts: \{ \[AuthRoutingKeys\.accountRegisteredV1\]: AccountRegisteredV1 \},/, ''),
    );
    expect(checkSkeleton(dir)).toEqual([
      'packages/users-infra/src/module.ts: the subscription RegisterUserOnAccountRegistered.consumerName has no contracts of the events it binds (`contracts:`)',
    ]);
  });

  it('rejects routes without tests beside them through app.request()', () => {
    const dir = workspaceCopy();
    rmSync(join(dir, 'packages/users-infra/src/http/users-routes.test.ts'));
    expect(checkSkeleton(dir)).toEqual([
      'packages/users-infra/src/http/users-routes.ts: its routes are tested beside it, through app.request(), in packages/users-infra/src/http/users-routes.test.ts',
    ]);
  });

  it('rejects an index that exports what no other package imports', () => {
    const dir = workspaceCopy();
    edit(
      dir,
      'packages/users-infra/src/index.ts',
      (text) => `${text}export { KyselyUserRepository } from './kysely/kysely-user-repository.js';\n`,
    );
    expect(checkSkeleton(dir)).toEqual([
      'packages/users-infra/src/index.ts: exports what no other package imports (KyselyUserRepository): an index exports what other packages use',
    ]);
  });
});
