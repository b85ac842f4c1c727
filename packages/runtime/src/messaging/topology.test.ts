import type { ContextModule } from '@contextflow/core-infra';
import { describe, expect, it } from 'vitest';
import { buildTopology } from './topology.js';

const module: ContextModule = {
  name: 'shop',
  migrations: {},
  commands: [
    { type: 'shop.place-order', handler: Symbol('place'), delivery: 'queued' },
    { type: 'shop.cancel-order', handler: Symbol('cancel'), delivery: 'queued' },
    { type: 'shop.pay-with-card', handler: Symbol('pay'), delivery: 'in-process' },
  ],
  queries: [],
  events: [
    { name: 'shop.ship-on-paid', events: ['billing.paid.v1', 'billing.paid.v1'], handler: Symbol('h') },
  ],
  register: () => {},
};

describe('buildTopology', () => {
  const topology = buildTopology([module], {
    namespace: 't.',
    retry: { maxAttempts: 3, delaysMs: [100, 500] },
  });

  it('binds the command queue of a context to each of its queued command types, and to nothing else', () => {
    expect(topology.commandQueues.get('shop')?.bindings).toEqual([
      { queue: 't.shop.commands', exchange: 't.contextflow.commands', routingKey: 'shop.place-order' },
      { queue: 't.shop.commands', exchange: 't.contextflow.commands', routingKey: 'shop.cancel-order' },
    ]);
    expect(topology.bindings.filter((binding) => binding.exchange === 't.contextflow.commands')).toEqual(
      topology.commandQueues.get('shop')?.bindings,
    );
  });

  it('never binds a command delivered in-process, and gives a context with no queued command no queue', () => {
    const signIn: ContextModule = {
      ...module,
      name: 'login',
      commands: [{ type: 'login.sign-in', handler: Symbol('sign-in'), delivery: 'in-process' }],
      events: [],
    };
    const only = buildTopology([signIn], { namespace: 't.' });
    expect(only.commandQueues.has('login')).toBe(false);
    expect(only.bindings.map((binding) => binding.routingKey)).not.toContain('login.sign-in');
    expect(topology.bindings.map((binding) => binding.routingKey)).not.toContain('shop.pay-with-card');
  });

  it('binds an event queue once per routing key', () => {
    expect(topology.eventQueues.get('shop.ship-on-paid')?.bindings).toEqual([
      { queue: 't.shop.ship-on-paid', exchange: 't.contextflow.events', routingKey: 'billing.paid.v1' },
    ]);
  });

  it('dead-letters a retry queue back to its work queue through the default exchange', () => {
    const retry = topology.queues.find((queue) => queue.queue === 't.shop.commands.retry.500ms');
    expect(retry?.arguments).toMatchObject({
      'x-message-ttl': 500,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': 't.shop.commands',
    });
  });

  it('gives every work queue a delivery limit and a dead-letter queue', () => {
    const work = topology.commandQueues.get('shop');
    expect(work?.declaration.arguments).toMatchObject({
      'x-queue-type': 'quorum',
      'x-delivery-limit': 10,
      'x-dead-letter-exchange': 't.contextflow.dlx',
    });
    expect(topology.bindings).toContainEqual({
      queue: 't.shop.commands.dlq',
      exchange: 't.contextflow.dlx',
      routingKey: 't.shop.commands',
    });
  });

  it('copies every dead command (and no dead event) to the dead-commands queue', () => {
    const dead = topology.bindings.filter((binding) => binding.queue === 't.contextflow.dead-commands');
    expect(dead).toEqual([
      { queue: 't.contextflow.dead-commands', exchange: 't.contextflow.dlx', routingKey: 't.shop.commands' },
    ]);
    expect(topology.deadCommands.arguments).toMatchObject({
      'x-queue-type': 'quorum',
      'x-delivery-limit': 10,
    });
    expect(topology.deadCommands.arguments).not.toHaveProperty('x-dead-letter-exchange');
  });
});
