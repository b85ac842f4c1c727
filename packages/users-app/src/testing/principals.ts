import type { Principal } from '@contextflow/core';

/** Alice's user id: the default id of {@link aUser}. */
export const aliceId = '0190a000-0000-7000-8000-00000000a11c';

/** Bob's user id: the "other user" of authorization tests. */
export const bobId = '0190a000-0000-7000-8000-00000000b0b0';

/** An administrator's user id. */
export const adminId = '0190a000-0000-7000-8000-00000000ad00';

/** Alice, signed in as a plain user. */
export const aliceActor: Principal = Object.freeze({
  userId: aliceId,
  roles: Object.freeze(['user'] as const),
});

/** Bob, signed in as a plain user. */
export const bobActor: Principal = Object.freeze({ userId: bobId, roles: Object.freeze(['user'] as const) });

/** An administrator (who is not Alice or Bob). */
export const admin: Principal = Object.freeze({
  userId: adminId,
  roles: Object.freeze(['user', 'admin'] as const),
});
