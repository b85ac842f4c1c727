import { Get__Agg__Handler, Get__Agg__Query } from '@__scope__/__ctx__-app';
import { InMemory__Agg__ReadModel, InMemory__Agg__Repository } from '@__scope__/__ctx__-app/testing';
import { __Agg__, __Agg__Title } from '@__scope__/__ctx__-domain';
import type { Get__Agg__Query as Get__Agg__QueryType } from '@__scope__/__ctx__-app';
import type { Query } from '@contextflow/core';
import { createHttpTestHarness } from '@contextflow/http-kit/testing';
import { describe, expect, it } from 'vitest';
import { __ctx__Routes } from './__ctx__-routes.js';

const id = '0190c000-0000-7000-8000-0000000000aa';
const stamp = { eventId: '0190c000-0000-7000-8000-000000000001', at: new Date('2026-01-01T00:00:00.000Z') };
const alice = { userId: '0190c000-0000-7000-8000-00000000a11c', roles: ['user' as const] };

function harness() {
  const repository = new InMemory__Agg__Repository().seed(
    __Agg__.create({ id, title: __Agg__Title.of('First') }, stamp),
  );
  const get = new Get__Agg__Handler(new InMemory__Agg__ReadModel(repository));
  return createHttpTestHarness({
    modules: [
      {
        name: '__ctx__',
        migrations: {},
        commands: [],
        queries: [],
        events: [],
        register: () => {},
        routes: __ctx__Routes,
      },
    ],
    tokens: { alice },
    queries: { [Get__Agg__Query.type]: (query: Query) => get.handle(query as Get__Agg__QueryType) },
  });
}

const json = { authorization: 'Bearer alice', 'content-type': 'application/json' };

describe('__ctx__ routes', () => {
  it('accepts POST /__ctx__ as a command and answers 202 with the new id', async () => {
    const { app, commandBus } = harness();
    const reply = await app.request('/__ctx__', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: 'Next' }),
    });
    expect(reply.status).toBe(202);
    const body = (await reply.json()) as { commandId: string; __agg__Id: string };
    expect(reply.headers.get('location')).toBe(`/commands/${body.commandId}`);
    expect(commandBus.sent).toEqual([
      expect.objectContaining({
        type: '__ctx__.create-__agg__',
        payload: { __agg__Id: body.__agg__Id, title: 'Next' },
      }),
    ]);
  });

  it('answers GET /__ctx__/{id} with the view', async () => {
    const reply = await harness().app.request(`/__ctx__/${id}`, { headers: json });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ id, title: 'First' });
  });

  it('answers an unknown id with 404 problem details', async () => {
    const reply = await harness().app.request('/__ctx__/0190c000-0000-7000-8000-0000000000bb', {
      headers: json,
    });
    expect(reply.status).toBe(404);
    expect(await reply.json()).toMatchObject({ code: '__ctx__.not_found' });
  });

  it('refuses a caller without a token', async () => {
    const reply = await harness().app.request(`/__ctx__/${id}`);
    expect(reply.status).toBe(401);
  });
});
