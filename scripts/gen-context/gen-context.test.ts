import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { namesOf } from './gen-context.mjs';

describe('namesOf (pnpm gen:context)', () => {
  it('derives the aggregate from a plural context name', () => {
    expect(namesOf('orders')).toEqual({
      ctx: 'orders',
      Ctx: 'Orders',
      agg: 'order',
      Agg: 'Order',
      scope: 'contextflow',
    });
    expect(namesOf('deliveries')).toMatchObject({ agg: 'delivery', Agg: 'Delivery' });
    expect(namesOf('inventory')).toMatchObject({ agg: 'inventory', Agg: 'Inventory' });
  });

  it('takes an explicit aggregate name', () => {
    expect(namesOf('billing', 'Invoice')).toMatchObject({ ctx: 'billing', agg: 'invoice', Agg: 'Invoice' });
  });

  it('refuses names that are not one lowercase word, and reserved ones', () => {
    expect(() => namesOf('Order-Lines')).toThrow('one lowercase word');
    expect(() => namesOf(undefined)).toThrow('one lowercase word');
    expect(() => namesOf('core')).toThrow('reserved');
    // The contexts a generated service installs from the registry.
    expect(() => namesOf('users')).toThrow('reserved');
    expect(() => namesOf('orders', 'line-item')).toThrow('aggregate name is one word');
  });
});
